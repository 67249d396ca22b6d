using System.ComponentModel;
using OrderSync.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace OrderSync.Cli.DeadLetters;

public class DeadLetterSettings : ConnectionSettings
{
    // The worker's dead-letter queues are known by name, so the management API is no longer asked; the option stays
    // accepted so that scripts and the runbook's instructions that pass it keep working.
    [CommandOption("--management <URL>", IsHidden = true)]
    [Description("No longer used: the dead-letter queues are the worker's own, found without the RabbitMQ management API.")]
    public string? Management
    {
        get;

        // Never printed; remembered so that no failure line could repeat its password either.
        init
        {
            field = value;
            Secrets.RememberUserInfo(Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri.UserInfo : null);
        }
    }
}

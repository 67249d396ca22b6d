using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.Cli.DeadLetters;

/// <summary>Which dead letters a requeue or purge acts on: the ones named, or --all, narrowed by the filters.</summary>
public class DeadLetterSelectionSettings : DeadLetterFilterSettings
{
    [CommandArgument(0, "[ID]")]
    [Description("Ids of dead letters, as list shows them. Every message carrying the id is taken.")]
    public string[] Ids { get; init; } = [];

    [CommandOption("--all")]
    [Description("Every dead letter that passes the filters.")]
    public bool All { get; init; }

    public override ValidationResult Validate()
    {
        if (Ids.Length == 0 && !All)
        {
            return ValidationResult.Error("name the dead letters by ID, or pass --all (with filters to narrow it)");
        }

        return Ids.Length > 0 && All
            ? ValidationResult.Error("pass either IDs or --all, not both")
            : base.Validate();
    }

    /// <summary>
    /// The messages chosen. Every id given must be found, or nothing is chosen: an operator who mistyped one id should not
    /// get a half-done requeue.
    /// </summary>
    public IReadOnlyList<DeadLetter> Choose(IReadOnlyList<DeadLetter> messages, DateTimeOffset now)
    {
        var filter = Filter();
        var passing = messages.Where(message => filter.Matches(message, now)).ToList();
        if (All)
        {
            return passing;
        }

        var missing = Ids.Where(id => !passing.Any(message => MessageIds.Same(message.Id, id))).ToList();
        if (missing.Count > 0)
        {
            var filtered = filter == new DeadLetterFilter() ? string.Empty : " that passes the filters";
            throw new Infrastructure.CliException(missing.Count == 1
                ? $"no dead letter with id {missing[0]}{filtered}; nothing was changed"
                : $"no dead letters with ids {string.Join(", ", missing)}{filtered}; nothing was changed");
        }

        return passing.Where(message => Ids.Any(id => MessageIds.Same(message.Id, id))).ToList();
    }
}

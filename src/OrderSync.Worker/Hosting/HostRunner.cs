using System.Security.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Worker.Hosting;

public static partial class HostRunner
{
    /// <summary>Runs until SIGTERM or Ctrl+C; a start-up failure is one clear line on stderr and a non-zero exit code.</summary>
    /// <param name="prepare">What needs services resolved (endpoints, say): run after the configuration is validated.</param>
    public static async Task<int> RunWorkerAsync<THost>(this THost host, Action<THost>? prepare = null)
        where THost : IHost
    {
        try
        {
            // Validate before anything resolves services, so a bad setting is one line and not a stack trace.
            host.Services.GetService<IStartupValidator>()?.Validate();
            prepare?.Invoke(host);
            await host.RunAsync();
            return 0;
        }
        catch (Exception exception) when (ConfigurationFaults(exception) is { Count: > 0 } faults)
        {
            return Fail($"configuration: {string.Join("; ", faults)}", exitCode: 78);
        }
        catch (SchemaNotCurrentException exception)
        {
            return Fail(exception.Message, exitCode: 69);
        }
        catch (NpgsqlException exception)
        {
            return Fail($"PostgreSQL: {exception.Message}", exitCode: 69);
        }
        catch (BrokerUnreachableException exception) when (Causes(exception).Any(cause => cause is AuthenticationException))
        {
            return Fail(
                "RabbitMQ's TLS certificate was refused: it does not chain to RabbitMq__CaFile (or the system's roots without one), " +
                "or does not carry the name in RabbitMq__ServerName (or the URI's host)",
                exitCode: 69);
        }
        catch (BrokerUnreachableException exception)
        {
            return Fail($"RabbitMQ is unreachable: {exception.InnerException?.Message ?? exception.Message}", exitCode: 69);
        }
    }

    /// <summary>
    /// What is wrong with the settings, from a failed start: each group that failed validation (several come as one
    /// AggregateException), and each value the binder could not convert. Empty when the failure is something else.
    /// </summary>
    public static IReadOnlyList<string> ConfigurationFaults(Exception exception)
    {
        var causes = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        var faults = new List<string>();
        foreach (var cause in causes)
        {
            if (cause is OptionsValidationException invalid)
            {
                faults.AddRange(invalid.Failures);
            }
            else if (cause is InvalidOperationException && UnconvertibleValue().Match(cause.Message) is { Success: true } match)
            {
                // The binder names the key with ':'; an operator sets it as an environment variable, with '__'.
                faults.Add($"{match.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal)} is not a valid {FriendlyType(match.Groups["type"].Value)}");
            }
            else
            {
                return [];
            }
        }

        return faults;
    }

    private static string FriendlyType(string type) => type switch
    {
        "System.TimeSpan" => "duration (such as 00:00:30)",
        "System.Boolean" => "true or false",
        "System.Uri" => "URL",
        _ when type.StartsWith("System.Int", StringComparison.Ordinal) || type.StartsWith("System.UInt", StringComparison.Ordinal) => "whole number",
        _ => type,
    };

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to convert configuration value '.*' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial System.Text.RegularExpressions.Regex UnconvertibleValue();

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var cause = exception.InnerException; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"order-sync: cannot start: {message}");
        return exitCode;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Worker.Hosting;

public static class HostRunner
{
    /// <summary>Runs until SIGTERM or Ctrl+C; a start-up failure is one clear line on stderr and a non-zero exit code.</summary>
    public static async Task<int> RunWorkerAsync(this IHost host)
    {
        try
        {
            // Validate before starting, so a bad setting is one line and not the host's stack trace.
            host.Services.GetService<IStartupValidator>()?.Validate();
            await host.RunAsync();
            return 0;
        }
        catch (OptionsValidationException exception)
        {
            return Fail($"configuration: {string.Join("; ", exception.Failures)}", exitCode: 78);
        }
        catch (NpgsqlException exception)
        {
            return Fail($"PostgreSQL: {exception.Message}", exitCode: 69);
        }
        catch (BrokerUnreachableException exception)
        {
            return Fail($"RabbitMQ is unreachable: {exception.InnerException?.Message ?? exception.Message}", exitCode: 69);
        }
    }

    private static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"order-sync: cannot start: {message}");
        return exitCode;
    }
}

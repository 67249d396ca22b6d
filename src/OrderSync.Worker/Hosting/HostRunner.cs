using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace OrderSync.Worker.Hosting;

public static class HostRunner
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

using Spectre.Console;

namespace OrderSync.Cli.Infrastructure;

/// <summary>A failure the operator can act on: printed as one line, with a non-zero exit code.</summary>
public sealed class CliException : Exception
{
    public CliException(string message, int exitCode = 1)
        : base(message) => ExitCode = exitCode;

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = 1;

    public static int Report(Exception exception)
    {
        var (message, code) = exception switch
        {
            CliException failure => (failure.Message, failure.ExitCode),
            RabbitMQ.Client.Exceptions.BrokerUnreachableException unreachable => ($"RabbitMQ is unreachable: {unreachable.InnerException?.Message ?? unreachable.Message}", 69),
            Npgsql.NpgsqlException database => ($"PostgreSQL: {database.Message}", 69),
            Spectre.Console.Cli.CommandParseException or Spectre.Console.Cli.CommandRuntimeException => (exception.Message, 64),
            _ => ($"{exception.GetType().Name}: {exception.Message}", 1),
        };
        AnsiConsole.Console.Profile.Out.Writer.Flush();
        Console.Error.WriteLine($"ordersync: {message}");
        return code;
    }
}

using Spectre.Console;

namespace OrderSync.Cli.Infrastructure;

/// <summary>A failure the operator can act on: printed as one line, with a non-zero exit code.</summary>
public sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failure)
        : base(message) => ExitCode = exitCode;

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.Failure;

    public static int Report(Exception exception)
    {
        var (message, code) = Describe(exception);
        AnsiConsole.Console.Profile.Out.Writer.Flush();
        Console.Out.Flush();
        Console.Error.WriteLine($"ordersync: {Secrets.Redact(message.ReplaceLineEndings(" ").Trim())}");
        return code;
    }

    /// <summary>The one line and the exit code that tell the operator what went wrong.</summary>
    public static (string Message, int ExitCode) Describe(Exception exception) =>
        exception switch
        {
            CliException failure => (failure.Message, failure.ExitCode),
            RabbitMQ.Client.Exceptions.BrokerUnreachableException unreachable => ($"RabbitMQ is unreachable: {Innermost(unreachable).Message}", ExitCodes.Unavailable),
            RabbitMQ.Client.Exceptions.AlreadyClosedException closed => ($"RabbitMQ closed the connection: {closed.ShutdownReason?.ReplyText ?? closed.Message}", ExitCodes.Unavailable),
            RabbitMQ.Client.Exceptions.OperationInterruptedException interrupted => ($"RabbitMQ closed the channel: {interrupted.ShutdownReason?.ReplyText ?? interrupted.Message}", ExitCodes.Unavailable),
            Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable } missing =>
                ($"PostgreSQL: {missing.MessageText}: the schema is not migrated; run the worker's migrate step (dotnet OrderSync.Worker.dll migrate) or check --postgres", ExitCodes.Unavailable),
            Npgsql.NpgsqlException database => ($"PostgreSQL: {database.Message}", ExitCodes.Unavailable),
            Spectre.Console.Cli.CommandParseException or Spectre.Console.Cli.CommandRuntimeException => (exception.Message, ExitCodes.Usage),
            OperationCanceledException => ("cancelled", ExitCodes.Failure),
            _ => ($"{exception.GetType().Name}: {exception.Message}", ExitCodes.Failure),
        };

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;
}

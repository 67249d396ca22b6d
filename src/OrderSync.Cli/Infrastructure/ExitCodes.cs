namespace OrderSync.Cli.Infrastructure;

/// <summary>Exit codes, after sysexits.h where one fits.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed: no such message or order, a refusal, a wait that ran out.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>The data given could not be read (EX_DATAERR).</summary>
    public const int DataError = 65;

    /// <summary>An input file is missing (EX_NOINPUT).</summary>
    public const int NoInput = 66;

    /// <summary>RabbitMQ or PostgreSQL could not be reached or refused (EX_UNAVAILABLE).</summary>
    public const int Unavailable = 69;
}

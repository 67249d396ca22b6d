namespace OrderSync.Testing.Processes;

/// <summary>How one worker process is started: its virtual host and database, the sandbox it calls, its sellers, its build.</summary>
/// <param name="LogPath">Where its output is appended.</param>
public sealed record WorkerLaunch(Uri RabbitMq, string Postgres, Uri WalmartBaseUrl, string LogPath)
{
    /// <summary>The worker's build; null: the one of the running program's configuration.</summary>
    public ProgramBuild? Build { get; init; }

    public IReadOnlyList<SellerAccount> Sellers { get; init; } = [];

    /// <summary>More environment variables (<c>Worker__*</c>, <c>Walmart__RateLimits__*</c>, <c>Serilog__*</c>…), set last.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings { get; init; } = [];

    /// <summary>
    /// When set, its secrets (the connection strings and the sellers' client secrets) are written as files there, as systemd's
    /// <c>LoadCredential=</c> does, and only <c>CREDENTIALS_DIRECTORY</c> names them in its environment.
    /// </summary>
    public string? CredentialsDirectory { get; init; }

    /// <summary>How long it may take to log that it started (its queues bound).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>When set, it must also report ready (<c>/health/ready</c>: broker, database and sellers answer) within this time.</summary>
    public TimeSpan? ReadyTimeout { get; init; }
}

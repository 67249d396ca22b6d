namespace OrderSync.Benchmark.Infrastructure;

/// <summary>How one worker process is configured: its own virtual host and database, the sandbox, the sellers, the limits.</summary>
/// <param name="RateLimits">The worker's client-side limits; null turns them off.</param>
public sealed record WorkerLaunch(Uri RabbitMq, string Postgres, SandboxProcess Sandbox, ThrottleProfile? RateLimits, string LogPath);

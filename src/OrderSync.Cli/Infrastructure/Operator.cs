namespace OrderSync.Cli.Infrastructure;

public static class Operator
{
    /// <summary>Who ran the command, as recorded with requeues, archives and resync commands.</summary>
    public static string Name =>
        Environment.GetEnvironmentVariable("USER") is { Length: > 0 } user ? user : Environment.UserName;
}

namespace OrderSync.Cli.Infrastructure;

/// <summary>
/// The passwords the command was given, so that no failure line repeats one: a broker or database may quote back what it was
/// sent (a virtual host, a user), and a malformed URI can put a password where a name is expected.
/// </summary>
public static class Secrets
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal);

    /// <summary>
    /// A shorter password (a laptop's <c>app</c> or <c>guest</c>) is part of too many words to be cut out of a line without
    /// garbling it, such as a queue named <c>other-app.orders</c>.
    /// </summary>
    public const int ShortestRedacted = 6;

    public static void Remember(string? secret)
    {
        if (secret is { Length: >= ShortestRedacted })
        {
            lock (Known)
            {
                Known.Add(secret);
                Known.Add(Uri.EscapeDataString(secret));
            }
        }
    }

    /// <summary>The password part of a URI's user information, if any.</summary>
    public static void RememberUserInfo(string? userInfo)
    {
        if (userInfo?.IndexOf(':', StringComparison.Ordinal) is { } colon and >= 0)
        {
            Remember(Uri.UnescapeDataString(userInfo[(colon + 1)..]));
        }
    }

    public static string Redact(string text)
    {
        lock (Known)
        {
            return Known.OrderByDescending(secret => secret.Length).Aggregate(text, (redacted, secret) => redacted.Replace(secret, "***", StringComparison.Ordinal));
        }
    }
}

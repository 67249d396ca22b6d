namespace OrderSync.Contracts.Configuration;

/// <summary>
/// Where settings come from files, one a key, named as the environment variable (<c>ConnectionStrings__Postgres</c>) and holding
/// its value: Docker's and Compose's secrets in /run/secrets, then systemd's <c>LoadCredential=</c> in $CREDENTIALS_DIRECTORY.
/// A file wins over the environment, and a later folder over an earlier one, so a secret never has to be in a process's
/// environment. The worker and the command line both read them so.
/// </summary>
public static class SecretFolders
{
    public const string DockerSecrets = "/run/secrets";

    public const string SystemdCredentialsVariable = "CREDENTIALS_DIRECTORY";

    /// <summary>The folders in the order they are read; the last one holding a key wins.</summary>
    public static IReadOnlyList<(string Folder, bool Required)> InOrder() =>
        Environment.GetEnvironmentVariable(SystemdCredentialsVariable) is { Length: > 0 } credentials
            ? [(DockerSecrets, false), (credentials, true)]
            : [(DockerSecrets, false)];

    /// <summary>
    /// A setting as the worker would read it: from the last secret folder holding a file named <paramref name="key"/> (its
    /// text, less a trailing line break), else from the environment variable of that name.
    /// </summary>
    public static string? Setting(string key)
    {
        foreach (var (folder, _) in InOrder().Reverse())
        {
            var path = Path.Combine(folder, key);
            if (File.Exists(path))
            {
                return File.ReadAllText(path).TrimEnd('\r', '\n');
            }
        }

        return Environment.GetEnvironmentVariable(key) is { Length: > 0 } value ? value : null;
    }
}

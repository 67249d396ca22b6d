using Microsoft.Extensions.Configuration;

namespace OrderSync.Worker.Hosting;

/// <summary>
/// Settings from files, one a key, named as the environment variable (<c>ConnectionStrings__Postgres</c>) and holding its value:
/// Docker's and Compose's secrets in /run/secrets, and systemd's <c>LoadCredential=</c> in $CREDENTIALS_DIRECTORY. They come after
/// the environment, so a file wins; a secret then never has to be in the process's environment.
/// </summary>
public static class SecretFiles
{
    public const string DockerSecrets = "/run/secrets";

    public const string SystemdCredentialsVariable = "CREDENTIALS_DIRECTORY";

    public static IConfigurationBuilder AddOrderSyncSecretFiles(this IConfigurationBuilder configuration)
    {
        configuration.AddKeyPerFile(DockerSecrets, optional: true);
        if (Environment.GetEnvironmentVariable(SystemdCredentialsVariable) is { Length: > 0 } credentials)
        {
            configuration.AddKeyPerFile(credentials, optional: false);
        }

        return configuration;
    }
}

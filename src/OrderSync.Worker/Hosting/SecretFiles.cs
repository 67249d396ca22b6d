using Microsoft.Extensions.Configuration;
using OrderSync.Contracts.Configuration;

namespace OrderSync.Worker.Hosting;

/// <summary>Settings from secret files (<see cref="SecretFolders"/>), added after the environment so that a file wins.</summary>
public static class SecretFiles
{
    public static IConfigurationBuilder AddOrderSyncSecretFiles(this IConfigurationBuilder configuration)
    {
        foreach (var (folder, required) in SecretFolders.InOrder())
        {
            configuration.AddKeyPerFile(folder, optional: !required);
        }

        return configuration;
    }
}

namespace OrderSync.Benchmark.Infrastructure;

/// <summary>Where the worker's and the sandbox's Release builds are, found from the repository root.</summary>
public sealed class RepositoryLayout
{
    private RepositoryLayout(string root) => Root = root;

    public string Root { get; }

    public string WorkerProject => Path.Combine(Root, "src", "OrderSync.Worker");

    public string WorkerAssembly => Path.Combine(WorkerProject, "bin", "Release", "net10.0", "OrderSync.Worker.dll");

    public string SandboxProject => Path.Combine(Root, "src", "OrderSync.Walmart.Sandbox");

    public string SandboxAssembly => Path.Combine(SandboxProject, "bin", "Release", "net10.0", "OrderSync.Walmart.Sandbox.dll");

    /// <summary>The given folder, or the first folder holding Integration.sln above the benchmark's binaries.</summary>
    public static RepositoryLayout Find(string? root)
    {
        if (root is not null)
        {
            return new RepositoryLayout(Path.GetFullPath(root));
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Integration.sln")))
            {
                return new RepositoryLayout(directory.FullName);
            }
        }

        throw new InvalidOperationException($"No Integration.sln above {AppContext.BaseDirectory}; pass --repo-root.");
    }

    public void RequireReleaseBuilds()
    {
        foreach (var assembly in new[] { WorkerAssembly, SandboxAssembly })
        {
            if (!File.Exists(assembly))
            {
                throw new InvalidOperationException($"{assembly} is missing: build Release first (ops/benchmark.sh does)");
            }
        }
    }
}

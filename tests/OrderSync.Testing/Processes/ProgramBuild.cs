using System.Reflection;
using System.Runtime.Versioning;

namespace OrderSync.Testing.Processes;

/// <summary>
/// One of the repository's programs and its build of one configuration, e.g. <c>src/OrderSync.Worker/bin/Release/net10.0</c>:
/// the benchmark runs Release builds, the tests the builds of their own configuration.
/// </summary>
/// <param name="Project">The project's folder, also the program's content root (its appsettings.json, the sandbox's seed/).</param>
public sealed record ProgramBuild(string Project, string AssemblyName, string Configuration)
{
    /// <summary>The configuration the running program was built in: its binaries are in <c>bin/&lt;configuration&gt;/&lt;framework&gt;</c>.</summary>
    public static string CurrentConfiguration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The target framework's folder name, e.g. <c>net10.0</c>: this library's, as every project of the repository has the same.</summary>
    public static string Framework { get; } =
        "net" + new FrameworkName(typeof(ProgramBuild).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName).Version.ToString(2);

    public string OutputDirectory => Path.Combine(Project, "bin", Configuration, Framework);

    public string Assembly => Path.Combine(OutputDirectory, AssemblyName + ".dll");

    /// <param name="configuration">Null: <see cref="CurrentConfiguration"/>.</param>
    /// <param name="root">Null: <see cref="RepositoryPaths.Root"/>.</param>
    public static ProgramBuild Worker(string? configuration = null, string? root = null) => Of("OrderSync.Worker", configuration, root);

    /// <inheritdoc cref="Worker"/>
    public static ProgramBuild Sandbox(string? configuration = null, string? root = null) => Of("OrderSync.Walmart.Sandbox", configuration, root);

    /// <param name="how">What to do about a missing build, for the message.</param>
    public void RequireBuilt(string how)
    {
        if (!File.Exists(Assembly))
        {
            throw new InvalidOperationException($"{Assembly} is missing: {how}");
        }
    }

    private static ProgramBuild Of(string name, string? configuration, string? root) =>
        new(Path.Combine(root ?? RepositoryPaths.Root, "src", name), name, configuration ?? CurrentConfiguration);
}

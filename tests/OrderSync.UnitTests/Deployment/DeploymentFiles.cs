using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrderSync.Testing;

namespace OrderSync.UnitTests.Deployment;

/// <summary>Paths of the deployment files and of what they refer to, all relative to the repository root.</summary>
internal static class DeploymentFiles
{
    public static string Root => RepositoryPaths.Root;

    public static string ComposeFile => InRepository("compose/compose.yaml");

    public static string ComposeEnvExample => InRepository("compose/.env.example");

    public static string WorkerDockerfile => InRepository("src/OrderSync.Worker/Dockerfile");

    public static string SandboxDockerfile => InRepository("src/OrderSync.Walmart.Sandbox/Dockerfile");

    public static string DockerIgnore => InRepository(".dockerignore");

    public static string SystemdUnit => InRepository("ops/systemd/ordersync-worker.service");

    public static string SystemdEnvExample => InRepository("ops/systemd/ordersync-worker.env.example");

    public static string SystemdSysusers => InRepository("ops/systemd/ordersync.sysusers.conf");

    public static string Runbook => InRepository("ops/RUNBOOK.md");

    public static string Readme => InRepository("README.md");

    public static string SandboxAppSettings => InRepository("src/OrderSync.Walmart.Sandbox/appsettings.json");

    public static string SandboxSeed => InRepository("src/OrderSync.Walmart.Sandbox/seed/sample-orders.json");

    public static string WorkerAppSettings => InRepository("src/OrderSync.Worker/appsettings.json");

    public static string InRepository(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    public static bool ExistsInRepository(string relativePath)
    {
        var path = InRepository(relativePath.TrimEnd('/'));
        return File.Exists(path) || Directory.Exists(path);
    }

    /// <summary>The C# sources of the given project folders, build outputs left out.</summary>
    public static string Sources(params string[] projectFolders) =>
        string.Join('\n', projectFolders
            .SelectMany(folder => Directory.EnumerateFiles(InRepository(folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file))
            .Select(File.ReadAllText));

    /// <summary>The sources that read the worker's configuration: the worker host and the Walmart client.</summary>
    public static string WorkerConfigurationSources { get; } = Sources("src/OrderSync.Worker", "src/OrderSync.Walmart");

    /// <summary>The assembly a project builds: its AssemblyName, else its file name.</summary>
    public static string AssemblyName(string projectPath)
    {
        var project = XDocument.Load(InRepository(projectPath));
        var name = project.Descendants("AssemblyName").Select(element => element.Value.Trim()).FirstOrDefault(value => value.Length > 0);
        return name ?? Path.GetFileNameWithoutExtension(projectPath);
    }

    /// <summary>The project and every project it references, directly or not, as repository-relative paths.</summary>
    public static IReadOnlySet<string> ProjectClosure(string projectPath)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Normalize(projectPath)]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(InRepository(current))!;
            foreach (var reference in XDocument.Load(InRepository(current)).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                var full = Path.GetFullPath(Path.Combine(directory, include));
                pending.Push(Normalize(Path.GetRelativePath(Root, full)));
            }
        }

        return found;
    }

    /// <summary>Forward slashes, without a leading <c>./</c> or <c>/</c>.</summary>
    public static string Normalize(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.TrimStart('/');
    }

    private static bool IsBuildOutput(string file)
    {
        var separator = Path.DirectorySeparatorChar;
        return file.Contains($"{separator}bin{separator}", StringComparison.Ordinal) || file.Contains($"{separator}obj{separator}", StringComparison.Ordinal);
    }
}

/// <summary>
/// The worker's configuration keys as the README's "Configuration" table documents them, and whether the code reads them.
/// </summary>
internal static partial class ConfigurationKeys
{
    private static readonly Lazy<IReadOnlyList<DocumentedKey>> Documented = new(ReadDocumentedKeys);

    /// <summary>The documented key a setting matches, e.g. <c>Walmart__Sellers__{store_code}__ClientId</c>, or null.</summary>
    public static DocumentedKey? FindDocumented(string key) => Documented.Value.FirstOrDefault(documented => documented.Pattern.IsMatch(key));

    public static IReadOnlyList<DocumentedKey> All => Documented.Value;

    /// <summary>
    /// What in the code should show that the worker reads the key: its section as a string literal (<c>"Walmart"</c>,
    /// <c>"Health:Urls"</c>) and each fixed name below it as an identifier (a property such as <c>ClientId</c>).
    /// Placeholders such as <c>{store_code}</c> are dictionary keys and are not looked for. Returns what is missing.
    /// </summary>
    public static IReadOnlyList<string> MissingFromCode(DocumentedKey documented, string sources)
    {
        var missing = new List<string>();
        var section = documented.FixedSegments[0];
        if (!Regex.IsMatch(sources, "\"" + Regex.Escape(section) + "[:\"]"))
        {
            missing.Add($"the section \"{section}\" as a string");
        }

        foreach (var name in documented.FixedSegments.Skip(1))
        {
            if (!Regex.IsMatch(sources, @"\b" + Regex.Escape(name) + @"\b"))
            {
                missing.Add($"the name {name}");
            }
        }

        return missing;
    }

    /// <summary>
    /// The keys the README's Configuration table marks as required (its "required" cell is not "no ..."), e.g.
    /// <c>ConnectionStrings__RabbitMq</c> and the seller pattern: what every deployment must set.
    /// </summary>
    public static IReadOnlyList<DocumentedKey> RequiredKeys()
    {
        var keys = TableKeys(ConfigurationSection(), required: true);
        keys.ShouldNotBeEmpty("README.md's Configuration table marks no key as required");
        return keys;
    }

    private static List<DocumentedKey> ReadDocumentedKeys()
    {
        var keys = TableKeys(ConfigurationSection(), required: false);
        keys.ShouldNotBeEmpty("README.md's Configuration table lists no key");
        return keys;
    }

    private static string ConfigurationSection()
    {
        var readme = File.ReadAllText(DeploymentFiles.Readme);
        var section = Regex.Match(readme, @"^## Configuration\s*$(?<body>.*?)^## ", RegexOptions.Multiline | RegexOptions.Singleline);
        section.Success.ShouldBeTrue("README.md has no \"## Configuration\" section");
        return section.Groups["body"].Value;
    }

    /// <summary>
    /// The keys in the first cell of each table row: <c>`A__B__{x}__C`, `__D`</c> gives <c>A__B__{x}__C</c> and
    /// <c>A__B__{x}__D</c> (a cell's key starting with <c>__</c> replaces the last segment of the one before it). With
    /// <paramref name="required"/>, only the rows whose second cell does not start with "no".
    /// </summary>
    private static List<DocumentedKey> TableKeys(string markdown, bool required)
    {
        var keys = new List<DocumentedKey>();
        foreach (var line in markdown.Split('\n'))
        {
            var cells = line.Trim().Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 3 || cells[1] is "key" || cells[1].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            if (required && cells[2].StartsWith("no", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? previous = null;
            foreach (Match token in BacktickedKey().Matches(cells[1]))
            {
                var text = token.Groups[1].Value;
                if (text.StartsWith("__", StringComparison.Ordinal) && previous is not null)
                {
                    text = previous[..previous.LastIndexOf("__", StringComparison.Ordinal)] + text;
                }

                if (!text.Contains("__", StringComparison.Ordinal))
                {
                    continue;
                }

                keys.Add(new DocumentedKey(text));
                previous = text;
            }
        }

        return keys;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex BacktickedKey();
}

/// <summary>A documented key, with <c>{placeholder}</c> segments (one segment) and a trailing <c>...</c> (any rest).</summary>
internal sealed class DocumentedKey
{
    public DocumentedKey(string text)
    {
        Text = text;
        var segments = text.Split("__");
        var pattern = string.Join("__", segments.Select(segment => segment switch
        {
            "..." => ".+",
            _ when segment.StartsWith('{') && segment.EndsWith('}') => "(?:(?!__).)+",
            _ => Regex.Escape(segment),
        }));
        Pattern = new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
        FixedSegments = [.. segments.Where(segment => segment != "..." && !segment.StartsWith('{'))];
    }

    public string Text { get; }

    public Regex Pattern { get; }

    public IReadOnlyList<string> FixedSegments { get; }

    public override string ToString() => Text;
}

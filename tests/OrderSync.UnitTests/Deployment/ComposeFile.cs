using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OrderSync.UnitTests.Deployment;

/// <summary>
/// compose/compose.yaml read with YamlDotNet, with Compose's variable interpolation resolved from compose/.env.example and
/// the defaults written in the file (<c>${NAME:-default}</c>), as <c>docker compose config</c> would with that .env.
/// </summary>
internal sealed partial class ComposeFile
{
    private ComposeFile(YamlMappingNode root, IReadOnlyDictionary<string, string> variables)
    {
        Root = root;
        Variables = variables;
    }

    public YamlMappingNode Root { get; }

    /// <summary>The variables of compose/.env.example.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    public IReadOnlyDictionary<string, ComposeService> Services =>
        ((YamlMappingNode)Root["services"]).Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!,
            entry => new ComposeService(((YamlScalarNode)entry.Key).Value!, (YamlMappingNode)entry.Value, this),
            StringComparer.Ordinal);

    public IReadOnlySet<string> DeclaredVolumes =>
        Root.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumes) && volumes is YamlMappingNode mapping
            ? mapping.Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The folder relative paths in the file start from: the compose file's own.</summary>
    public static string Directory => Path.GetDirectoryName(DeploymentFiles.ComposeFile)!;

    public static ComposeFile Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(DeploymentFiles.ComposeFile))
        {
            stream.Load(reader);
        }

        return new ComposeFile((YamlMappingNode)stream.Documents.Single().RootNode, ReadEnvFile(DeploymentFiles.ComposeEnvExample));
    }

    /// <summary><c>KEY=value</c> lines, a quoted value unquoted; comments and blank lines left out.</summary>
    public static Dictionary<string, string> ReadEnvFile(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => Unquote(parts[1].Trim()), StringComparer.Ordinal);

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'' ? value[1..^1] : value;

    /// <summary>Every variable the file refers to, with whether it has a default.</summary>
    public static IEnumerable<(string Name, bool HasDefault)> ReferencedVariables()
    {
        var text = File.ReadAllText(DeploymentFiles.ComposeFile);
        foreach (Match match in Variable().Matches(text))
        {
            if (match.Groups["escaped"].Success)
            {
                continue;
            }

            yield return (match.Groups["name"].Value, match.Groups["operator"].Value is ":-" or "-");
        }
    }

    /// <summary>Compose's interpolation: <c>$$</c>, <c>${A}</c>, <c>${A:-default}</c>, <c>${A:?error}</c>, <c>$A</c>.</summary>
    public string Interpolate(string value) =>
        Variable().Replace(value, match =>
        {
            if (match.Groups["escaped"].Success)
            {
                return "$";
            }

            var name = match.Groups["name"].Value;
            var set = Variables.TryGetValue(name, out var variable);
            return match.Groups["operator"].Value switch
            {
                ":-" => set && variable!.Length > 0 ? variable : match.Groups["argument"].Value,
                "-" => set ? variable! : match.Groups["argument"].Value,
                _ => set ? variable! : throw new ShouldAssertException($"compose.yaml needs ${{{name}}}, which compose/.env.example does not set"),
            };
        });

    [GeneratedRegex(@"(?<escaped>\$\$)|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operator>:-|-|:\?|\?)(?<argument>[^}]*))?\}|\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}

/// <summary>One service of the compose file.</summary>
internal sealed class ComposeService(string name, YamlMappingNode node, ComposeFile file)
{
    public string Name { get; } = name;

    public YamlMappingNode Node { get; } = node;

    public YamlNode? this[string key] => Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? Scalar(params string[] path)
    {
        YamlNode? current = Node;
        foreach (var key in path)
        {
            current = current is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }

        return current is YamlScalarNode scalar ? file.Interpolate(scalar.Value ?? string.Empty) : null;
    }

    /// <summary>The environment, in either of Compose's forms (a mapping or <c>KEY=value</c> items), interpolated.</summary>
    public IReadOnlyDictionary<string, string> Environment => this["environment"] switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!, entry => file.Interpolate(((YamlScalarNode)entry.Value).Value ?? string.Empty), StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(item => file.Interpolate(((YamlScalarNode)item).Value!).Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty, StringComparer.Ordinal),
        _ => new Dictionary<string, string>(StringComparer.Ordinal),
    };

    /// <summary>The container side of each published port (<c>[ip:]host:container[/proto]</c>, or a long-form <c>target</c>).</summary>
    public IReadOnlyList<int> ContainerPorts => this["ports"] is YamlSequenceNode ports
        ? [.. ports.Children.SelectMany(ContainerPortsOf)]
        : [];

    /// <summary>The host address of each published port: the <c>ip</c> of <c>ip:host:container</c>, else every interface.</summary>
    public IReadOnlyList<string> PublishedHostAddresses => this["ports"] is YamlSequenceNode ports
        ? [.. ports.Children.Select(port => port is YamlMappingNode longForm
            ? (longForm.Children.TryGetValue(new YamlScalarNode("host_ip"), out var ip) ? ((YamlScalarNode)ip).Value! : "0.0.0.0")
            : file.Interpolate(((YamlScalarNode)port).Value!).Split(':') is { Length: 3 } parts ? parts[0] : "0.0.0.0")]
        : [];

    /// <summary>The ports listed under <c>expose</c>.</summary>
    public IReadOnlyList<int> ExposedPorts => this["expose"] is YamlSequenceNode expose
        ? [.. expose.Children.Select(item => int.Parse(((YamlScalarNode)item).Value!.Split('/')[0], CultureInfo.InvariantCulture))]
        : [];

    /// <summary>The health check's command as one string (CMD and CMD-SHELL forms alike), or null.</summary>
    public string? HealthCheck => this["healthcheck"] is YamlMappingNode healthcheck && healthcheck.Children.TryGetValue(new YamlScalarNode("test"), out var test)
        ? test switch
        {
            YamlSequenceNode sequence => string.Join(' ', sequence.Children.Select(item => file.Interpolate(((YamlScalarNode)item).Value!))),
            YamlScalarNode scalar => file.Interpolate(scalar.Value!),
            _ => null,
        }
        : null;

    /// <summary>The build's context and Dockerfile, both resolved against the compose file's folder, or null.</summary>
    public (string Context, string Dockerfile)? Build => this["build"] switch
    {
        YamlScalarNode context => (Path.GetFullPath(Path.Combine(ComposeFile.Directory, context.Value!)), Path.GetFullPath(Path.Combine(ComposeFile.Directory, context.Value!, "Dockerfile"))),
        YamlMappingNode build => (
            Path.GetFullPath(Path.Combine(ComposeFile.Directory, Scalar("build", "context") ?? ".")),
            Path.GetFullPath(Path.Combine(ComposeFile.Directory, Scalar("build", "context") ?? ".", Scalar("build", "dockerfile") ?? "Dockerfile"))),
        _ => null,
    };

    /// <summary>Named volumes mounted (short <c>name:/path</c> or long form with <c>type: volume</c>), by mount path.</summary>
    public IReadOnlyDictionary<string, string> NamedVolumes
    {
        get
        {
            var mounts = new Dictionary<string, string>(StringComparer.Ordinal);
            if (this["volumes"] is not YamlSequenceNode volumes)
            {
                return mounts;
            }

            foreach (var item in volumes.Children)
            {
                if (item is YamlScalarNode scalar)
                {
                    var parts = file.Interpolate(scalar.Value!).Split(':');
                    if (parts.Length >= 2 && !parts[0].StartsWith('.') && !parts[0].StartsWith('/') && !parts[0].StartsWith('~'))
                    {
                        mounts[parts[1]] = parts[0];
                    }
                }
                else if (item is YamlMappingNode mapping
                    && mapping.Children.TryGetValue(new YamlScalarNode("type"), out var type) && ((YamlScalarNode)type).Value == "volume")
                {
                    mounts[((YamlScalarNode)mapping["target"]).Value!] = ((YamlScalarNode)mapping["source"]).Value!;
                }
            }

            return mounts;
        }
    }

    /// <summary>Files of the host mounted into the container (<c>./path:/target</c>), resolved, by mount path.</summary>
    public IReadOnlyDictionary<string, string> BindMounts => this["volumes"] is YamlSequenceNode volumes
        ? volumes.Children.OfType<YamlScalarNode>()
            .Select(item => file.Interpolate(item.Value!).Split(':'))
            .Where(parts => parts.Length >= 2 && (parts[0].StartsWith('.') || parts[0].StartsWith('/')))
            .ToDictionary(parts => parts[1], parts => Path.GetFullPath(Path.Combine(ComposeFile.Directory, parts[0])), StringComparer.Ordinal)
        : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The service's Docker secrets: the name it reads under /run/secrets (<c>target</c>, else the secret's name), and the
    /// file the top-level <c>secrets:</c> section gives it, resolved.
    /// </summary>
    public IReadOnlyList<(string Target, string File)> SecretFiles
    {
        get
        {
            if (this["secrets"] is not YamlSequenceNode secrets)
            {
                return [];
            }

            var declared = (YamlMappingNode)file.Root["secrets"];
            string Field(YamlMappingNode mapping, string key) => ((YamlScalarNode)mapping[key]).Value!;
            return [.. secrets.Children.Select(secret =>
            {
                var (source, target) = secret is YamlMappingNode longForm
                    ? (Field(longForm, "source"), Field(longForm, "target"))
                    : (((YamlScalarNode)secret).Value!, ((YamlScalarNode)secret).Value!);
                declared.Children.ShouldContainKey(new YamlScalarNode(source), $"{Name} uses secret {source}, which secrets: does not declare");
                var path = Field((YamlMappingNode)declared[source], "file");
                return (target, Path.GetFullPath(Path.Combine(ComposeFile.Directory, path)));
            })];
        }
    }

    /// <summary>The value of the Docker secret the service reads as <paramref name="target"/>, trailing newline left out.</summary>
    public string SecretValue(string target)
    {
        var secret = SecretFiles.Where(secret => secret.Target == target).ToList();
        secret.Count.ShouldBe(1, $"{Name} has no Docker secret {target}");
        return File.ReadAllText(secret[0].File).TrimEnd('\n');
    }

    private IEnumerable<int> ContainerPortsOf(YamlNode port)
    {
        if (port is YamlMappingNode longForm)
        {
            yield return int.Parse(((YamlScalarNode)longForm["target"]).Value!, CultureInfo.InvariantCulture);
            yield break;
        }

        var text = file.Interpolate(((YamlScalarNode)port).Value!).Split('/')[0];
        var container = text[(text.LastIndexOf(':') + 1)..];
        var range = container.Split('-');
        var first = int.Parse(range[0], CultureInfo.InvariantCulture);
        var last = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;
        for (var value = first; value <= last; value++)
        {
            yield return value;
        }
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderSync.UnitTests.Deployment;

/// <summary>One instruction of a Dockerfile, continuation lines joined.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Stage)
{
    /// <summary>The words of the instruction: the JSON array of the exec form, else split on white space.</summary>
    public IReadOnlyList<string> Words =>
        Arguments.TrimStart().StartsWith('[')
            ? JsonSerializer.Deserialize<string[]>(Arguments)!
            : Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>COPY's options (<c>--from=build</c>, <c>--chown=...</c>).</summary>
    public IReadOnlyList<string> Flags => [.. Words.TakeWhile(word => word.StartsWith("--", StringComparison.Ordinal))];

    /// <summary>COPY's sources and destination, its options left out.</summary>
    public IReadOnlyList<string> Paths => [.. Words.SkipWhile(word => word.StartsWith("--", StringComparison.Ordinal))];

    public bool CopiesFromAnotherStage => Flags.Any(flag => flag.StartsWith("--from=", StringComparison.Ordinal));
}

/// <summary>A Dockerfile read just enough to check it against the repository: stages, COPY, RUN, EXPOSE, HEALTHCHECK.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerInstruction> instructions)
    {
        Path = path;
        Instructions = instructions;
    }

    public string Path { get; }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public int LastStage => Instructions.Max(instruction => instruction.Stage);

    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(instruction => instruction.Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<DockerInstruction> InStage(int stage, string keyword) => All(keyword).Where(instruction => instruction.Stage == stage);

    /// <summary>The base image of a stage: <c>FROM image [AS name]</c>.</summary>
    public string BaseImage(int stage) => InStage(stage, "FROM").Single().Words[0];

    public IReadOnlyList<int> ExposedPorts =>
        [.. InStage(LastStage, "EXPOSE").SelectMany(instruction => instruction.Words).Select(word => int.Parse(word.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The projects that RUN lines restore or publish, as repository-relative paths.</summary>
    public IReadOnlyList<string> ProjectsOf(string verb) =>
        [.. All("RUN").SelectMany(run => Regex.Matches(run.Arguments, @"dotnet\s+" + verb + @"\s+(?<project>\S+\.csproj)").Select(match => match.Groups["project"].Value)).Distinct()];

    public static Dockerfile Read(string path)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var pending = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = string.Empty;
            var match = InstructionLine().Match(whole);
            match.Success.ShouldBeTrue($"{path}: cannot read the line \"{whole}\"");
            var keyword = match.Groups["keyword"].Value.ToUpperInvariant();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerInstruction(keyword, match.Groups["arguments"].Value.Trim(), stage));
        }

        return new Dockerfile(path, instructions);
    }

    [GeneratedRegex(@"^(?<keyword>[A-Za-z]+)\s+(?<arguments>.*)$", RegexOptions.Singleline)]
    private static partial Regex InstructionLine();
}

/// <summary>The patterns of .dockerignore, enough to tell whether a path of the build context is left out.</summary>
internal sealed class DockerIgnore
{
    private readonly IReadOnlyList<Regex> _patterns;

    private DockerIgnore(IReadOnlyList<string> patterns)
    {
        Patterns = patterns;
        _patterns = [.. patterns.Select(ToRegex)];
    }

    public IReadOnlyList<string> Patterns { get; }

    public static DockerIgnore Read(string path) =>
        new([.. File.ReadAllLines(path).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#'))]);

    /// <summary>Whether a context path (a file, or a folder and everything in it) is left out by some pattern.</summary>
    public bool Excludes(string relativePath)
    {
        var path = DeploymentFiles.Normalize(relativePath).TrimEnd('/');
        return _patterns.Any(pattern => pattern.IsMatch(path));
    }

    private static Regex ToRegex(string pattern)
    {
        // "**/" is any number of folders, "*" anything within one segment; a pattern also covers what is below it.
        var text = DeploymentFiles.Normalize(pattern).TrimEnd('/');
        var regex = Regex.Escape(text).Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return new Regex("^" + regex + "(?:/.*)?$", RegexOptions.CultureInvariant);
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using OrderSync.Testing;

namespace OrderSync.UnitTests.Deployment;

/// <summary>
/// Whoever clones the repository has only the repository: no file may reach into a folder beside it, and every link the
/// documents give must lead to a file in it.
/// </summary>
public sealed partial class SelfContainedTests
{
    private const string ThisFile = "tests/OrderSync.UnitTests/Deployment/SelfContainedTests.cs";

    /// <summary>The folder beside the repository that files used to reach into, built from pieces so this file does not hold it.</summary>
    private static readonly string OutsideFolder = string.Concat("..", "/", "shared");

    private static readonly string[] LinkedDocuments = ["README.md", "ops/RUNBOOK.md", "compose/README.md"];

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", ".services", "artifacts", "TestResults" };

    [Fact]
    public void No_file_of_the_repository_refers_to_a_folder_beside_it()
    {
        var files = RepositoryFiles();
        files.ShouldContain("README.md");

        var offenders = files
            .Where(file => file != ThisFile)
            .Where(file => File.Exists(Full(file)) && File.ReadAllText(Full(file)).Contains(OutsideFolder, StringComparison.Ordinal))
            .ToList();

        offenders.ShouldBeEmpty($"these files refer to {OutsideFolder}, which a clone of the repository does not have");
    }

    [Fact]
    public void Every_relative_link_of_the_documents_leads_to_a_file_in_the_repository()
    {
        var documents = LinkedDocuments
            .Concat(Directory.EnumerateFiles(Full("docs"), "*.md").Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();
        documents.ShouldContain("docs/interface.md");

        var broken = new List<string>();
        foreach (var document in documents)
        {
            var folder = Path.GetDirectoryName(Full(document))!;
            foreach (var target in RelativeLinks(File.ReadAllText(Full(document))))
            {
                var path = Uri.UnescapeDataString(target.Split('#', 2)[0]);
                if (path.Length == 0)
                {
                    continue;
                }

                var resolved = Path.GetFullPath(Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar)));
                var inside = resolved.StartsWith(RepositoryPaths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                if (!inside || !(File.Exists(resolved) || Directory.Exists(resolved)))
                {
                    broken.Add($"{document}: ({target}) {(inside ? "does not exist" : "is outside the repository")}");
                }
            }
        }

        broken.ShouldBeEmpty();
    }

    [Fact]
    public void Links_are_found_outside_code_only_and_web_links_are_left_alone()
    {
        const string markdown = """
            See [the interface](docs/interface.md#1-inbound), ![chart](docs/a.png "A chart") and [web](https://example.com).
            [ref]: ops/RUNBOOK.md
            `[not](a-link.md)` and [anchor](#layout) and <https://example.org>.
            ```
            [not](in-a-code-block.md)
            ```
            """;

        RelativeLinks(markdown).ShouldBe(["docs/interface.md#1-inbound", "docs/a.png", "ops/RUNBOOK.md"]);
    }

    /// <summary>The targets of the inline links, images and link definitions, less web links, anchors and code.</summary>
    private static List<string> RelativeLinks(string markdown)
    {
        var text = InlineCode().Replace(FencedCode().Replace(markdown, string.Empty), string.Empty);
        return [.. InlineLink().Matches(text).Concat(LinkDefinition().Matches(text))
            .Select(match => match.Groups["target"].Value.Trim('<', '>'))
            .Where(target => target.Length > 0 && !target.StartsWith('#') && !Scheme().IsMatch(target))];
    }

    /// <summary>The files git tracks or would track (untracked but not ignored), else every file outside build output.</summary>
    private static List<string> RepositoryFiles()
    {
        try
        {
            var start = new ProcessStartInfo("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
            {
                WorkingDirectory = RepositoryPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = Process.Start(start)!;
            var errors = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            _ = errors.Result;
            if (git.ExitCode == 0)
            {
                return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
            }
        }
        catch (Win32Exception)
        {
            // No git on this machine: walk the tree instead.
        }

        return [.. Walk(RepositoryPaths.Root).Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'))];
    }

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(child);
            if (SkippedFolders.Contains(name) || name.StartsWith(".services", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var file in Walk(child))
            {
                yield return file;
            }
        }
    }

    private static string Full(string relativePath) => DeploymentFiles.InRepository(relativePath);

    [GeneratedRegex(@"^ *(```|~~~).*?^ *\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex("(`+).+?\\1", RegexOptions.Singleline)]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target><[^>]*>|[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*(?<target>\S+)", RegexOptions.Multiline)]
    private static partial Regex LinkDefinition();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}

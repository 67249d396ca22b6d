using System.Text.RegularExpressions;
using OrderSync.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OrderSync.UnitTests.Deployment;

/// <summary>
/// ops/RUNBOOK.md is followed at night by someone in a hurry: every <c>ordersync</c> command in its code blocks must be
/// one the operator command line has, with options it takes, and the runbook must cover the operator verbs of the interface
/// (docs/interface.md).
/// </summary>
public sealed partial class RunbookCommandTests
{
    private static readonly string[] ContractVerbs =
        ["dead-letters list", "dead-letters show", "dead-letters requeue", "dead-letters purge", "orders list", "orders show", "orders resync"];

    [Fact]
    public void Every_ordersync_command_in_the_runbook_exists_with_the_options_it_is_given()
    {
        var commands = RunbookCommands();
        commands.ShouldNotBeEmpty();

        var problems = new List<string>();
        foreach (var group in commands.GroupBy(command => command.Verb, StringComparer.Ordinal))
        {
            var (exitCode, help) = RunCli([.. group.Key.Split(' '), "--help"]);
            if (exitCode != 0)
            {
                problems.Add($"ordersync {group.Key}: not a command of the CLI (exit code {exitCode}): {help.Trim()}");
                continue;
            }

            foreach (var (_, options, line) in group)
            {
                problems.AddRange(options
                    .Where(option => !Regex.IsMatch(help, @"(?:^|\s)" + Regex.Escape(option) + @"(?:\s|,|$)", RegexOptions.Multiline))
                    .Select(option => $"ordersync {group.Key} has no option {option}, in: {line}"));
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_runbook_shows_every_operator_verb_of_the_interface()
    {
        var verbs = RunbookCommands().Select(command => command.Verb).ToHashSet(StringComparer.Ordinal);

        ContractVerbs.ShouldAllBe(verb => verbs.Contains(verb));
    }

    /// <summary>
    /// Each <c>ordersync BRANCH VERB ...</c> in the runbook's fenced code blocks (continuation lines joined), with the
    /// options it uses. The shell function that defines <c>ordersync</c> is not a command.
    /// </summary>
    private static List<(string Verb, IReadOnlyList<string> Options, string Line)> RunbookCommands()
    {
        var commands = new List<(string, IReadOnlyList<string>, string)>();
        var inBlock = false;
        var pending = string.Empty;
        foreach (var raw in File.ReadAllLines(DeploymentFiles.Runbook))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (!inBlock)
            {
                // Commands quoted in the prose count too: `ordersync orders show PO`.
                foreach (Match span in InlineCode().Matches(line))
                {
                    Add(commands, span.Groups["code"].Value);
                }

                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            Add(commands, pending + line);
            pending = string.Empty;
        }

        return commands;
    }

    private static void Add(List<(string, IReadOnlyList<string>, string)> commands, string line)
    {
        var code = line.Split(" #", 2)[0];
        foreach (Match match in Command().Matches(code))
        {
            var options = Option().Matches(match.Groups["rest"].Value).Select(option => option.Groups["name"].Value).ToList();
            commands.Add(($"{match.Groups["branch"].Value} {match.Groups["verb"].Value}", options, line));
        }
    }

    /// <summary>Runs the operator command line in process, its output captured, as wide as needed not to wrap.</summary>
    private static (int ExitCode, string Output) RunCli(string[] arguments)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 250;

        var app = OperatorCommandLine.Create();
        app.Configure(config => config.ConfigureConsole(console));
        var exitCode = app.Run(arguments);
        return (exitCode, writer.ToString());
    }

    [GeneratedRegex(@"(?:^|[\s;|&(])ordersync(?:\.dll)?\s+(?<branch>[a-z][a-z-]*)\s+(?<verb>[a-z][a-z-]*)(?<rest>[^;|&]*)")]
    private static partial Regex Command();

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?:^|\s)(?<name>--[a-z][a-z-]*)")]
    private static partial Regex Option();
}

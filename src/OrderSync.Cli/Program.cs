using OrderSync.Cli;
using Spectre.Console;

// Tables are as wide as their content and never squeezed to the terminal: an id cut in two or into "…" cannot be copied.
// A narrow terminal wraps the long lines itself; a file, grep or a pager gets each row on one line. Help keeps the real width.
if (args.Length > 0 && !args.Any(argument => argument is "-h" or "--help" or "-?"))
{
    AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 240);
}

return await OperatorCommandLine.Create().RunAsync(args);

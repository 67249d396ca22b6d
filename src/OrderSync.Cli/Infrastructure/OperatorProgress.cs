using Spectre.Console;

namespace OrderSync.Cli.Infrastructure;

/// <summary>
/// Progress of long operations, drawn on stderr and only for a person at a terminal: stdout stays the command's answer,
/// and a script or a --json reader never sees it.
/// </summary>
public static class OperatorProgress
{
    private static readonly Lazy<IAnsiConsole> ErrorConsole = new(() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    public static bool IsShown(bool json) => !json && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> with a progress bar of <paramref name="total"/> steps; the work calls the action once per step.</summary>
    public static async Task<T> Run<T>(bool json, string description, int total, Func<Action, Task<T>> work)
    {
        if (!IsShown(json) || total == 0)
        {
            return await work(() => { });
        }

        return await ErrorConsole.Value.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: total);
                return await work(() => task.Increment(1));
            });
    }

    /// <summary>Runs <paramref name="work"/> under a spinner, for waits of unknown length.</summary>
    public static async Task<T> Wait<T>(bool json, string description, Func<Task<T>> work)
    {
        if (!IsShown(json))
        {
            return await work();
        }

        return await ErrorConsole.Value.Status().StartAsync(Markup.Escape(description), _ => work());
    }
}

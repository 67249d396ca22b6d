using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Failures;

/// <summary>One stack (vhost, database, sandbox, worker) for every row of the bad-input table; the rows run one after another.</summary>
public sealed class BadInputStack : IAsyncLifetime
{
    public SyncStack Stack { get; private set; } = null!;

    public async Task InitializeAsync() => Stack = await SyncStack.Start();

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

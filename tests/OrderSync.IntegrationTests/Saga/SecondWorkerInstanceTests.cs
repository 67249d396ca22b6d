using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Saga;

/// <summary>
/// A worker instance joining one that already runs. Alone in its collection: other tests clear Npgsql's connection pools when they
/// drop their databases, which would hide a lock kept on an idle pooled connection.
/// </summary>
[Collection(nameof(SecondWorkerInstanceTests))]
[CollectionDefinition(nameof(SecondWorkerInstanceTests), DisableParallelization = true)]
public sealed class SecondWorkerInstanceTests
{
    [Fact]
    public async Task A_second_worker_instance_starts_while_the_first_one_runs_on_the_same_database()
    {
        await using var stack = await SyncStack.Start();

        // Start-up migrates under an advisory lock; the first instance must not keep holding it once it has migrated.
        var starting = Task.Run(() => WorkerUnderTest.Start(stack.Environment, stack.Sandbox.BaseUrl));
        var started = await Task.WhenAny(starting, Task.Delay(TimeSpan.FromSeconds(15)));

        (started == starting).ShouldBeTrue("the second worker did not start within 15 s: it waits for the migration lock");
        await using var second = await starting;
    }
}

using Dapper;
using MassTransit;
using Npgsql;

namespace OrderSync.Worker.OperatorCommands;

/// <summary>
/// A dead letter an operator requeued carries <c>x-ordersync-requeue-id</c>; once it is consumed successfully the requeue
/// is recorded as resolved, so <c>dead-letters list</c> can tell requeues that worked from those that failed again.
/// </summary>
public sealed class RequeueResolutionFilter<T>(NpgsqlDataSource dataSource) : IFilter<ConsumeContext<T>>
    where T : class
{
    public const string RequeueIdHeader = "x-ordersync-requeue-id";

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        await next.Send(context);

        if (context.ReceiveContext.TransportHeaders.Get<string>(RequeueIdHeader) is { } text && Guid.TryParse(text, out var requeueId))
        {
            const string sql = "update dead_letter_requeue set resolved_at = now() where requeue_id = @requeueId and resolved_at is null";
            await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql, new { requeueId }, cancellationToken: context.CancellationToken));
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("requeueResolution");
}

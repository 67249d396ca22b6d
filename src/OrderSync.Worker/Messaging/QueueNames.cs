namespace OrderSync.Worker.Messaging;

/// <summary>The worker's own queues; Commerce and result consumers only see the exchanges of the contract.</summary>
public static class QueueNames
{
    public const string CommerceEvents = "walmart-sync.commerce-events";
    public const string OrderSync = "walmart-sync.order-sync";
    public const string WalmartOperations = "walmart-sync.walmart-operations";
    public const string OperatorCommands = "walmart-sync.operator-commands";

    // Through the exchange MassTransit binds to the queue: "queue:" would declare the queue again with default arguments,
    // which RabbitMQ refuses for a quorum queue (Worker:QuorumQueues).
    public static readonly Uri WalmartOperationsAddress = new($"exchange:{WalmartOperations}");

    public static readonly Uri SyncResultsAddress = new($"exchange:{Contracts.Topology.SyncResultsExchange}?type=topic");
}

using Microsoft.Extensions.Options;
using OrderSync.Walmart;

namespace OrderSync.Worker.Messaging;

/// <summary>
/// Each Walmart seller account's operations go through a queue of their own, its lane, read by one worker instance at a time
/// (RabbitMQ's single active consumer). So one process makes every call for an account and paces them to the account's budget
/// at Walmart, whatever the number of instances, and an account that waits for its budget waits in its own queue, holding none
/// of the slots other accounts need. A store code without credentials goes to the shared queue, where its operation fails.
/// </summary>
public sealed class WalmartOperationLanes(IOptions<WalmartOptions> options)
{
    private readonly WalmartAccounts accounts = new(options.Value);

    public IReadOnlyList<WalmartAccount> Accounts => accounts.All;

    public static string QueueOf(WalmartAccount account) => $"{QueueNames.WalmartOperations}.{account.Key}";

    /// <summary>Through the exchange MassTransit binds to the queue, as for <see cref="QueueNames.WalmartOperationsAddress"/>.</summary>
    public Uri AddressFor(string storeCode) =>
        accounts.Of(storeCode) is { } account ? new Uri($"exchange:{QueueOf(account)}") : QueueNames.WalmartOperationsAddress;
}

using System.Globalization;
using System.Text.Json;
using OrderSync.IntegrationTests.Infrastructure;
using OrderSync.IntegrationTests.Saga;

namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>What the sandbox shows at the end of a scenario: every order's lines, and every call it received.</summary>
public sealed class SandboxSnapshot
{
    private SandboxSnapshot(IReadOnlyDictionary<string, IReadOnlyList<SandboxLine>> lines, IReadOnlyList<JsonElement> calls)
    {
        Lines = lines;
        Calls = calls;
        Applied = [.. calls.Where(IsApplied).SelectMany(Instructions)];
        Unanswered = [.. calls.Where(IsUnanswered).SelectMany(Instructions)];
    }

    public IReadOnlyDictionary<string, IReadOnlyList<SandboxLine>> Lines { get; }

    public IReadOnlyList<JsonElement> Calls { get; }

    /// <summary>Ship (not tracking updates) and cancel instructions the sandbox applied, line by line.</summary>
    public IReadOnlyList<AppliedCall> Applied { get; }

    /// <summary>
    /// Ship and cancel instructions of calls the worker gave up on (its request timeout) with no fault to say whether they were
    /// applied: a slow machine can apply a call after the client stopped waiting.
    /// </summary>
    public IReadOnlyList<AppliedCall> Unanswered { get; }

    public static async Task<SandboxSnapshot> Take(WalmartSandbox sandbox, IEnumerable<string> purchaseOrderIds)
    {
        var lines = new Dictionary<string, IReadOnlyList<SandboxLine>>();
        foreach (var batch in purchaseOrderIds.Chunk(16))
        {
            var read = await Task.WhenAll(batch.Select(async po => (po, await SandboxLedger.Lines(sandbox, po))));
            foreach (var (po, orderLines) in read)
            {
                lines[po] = orderLines;
            }
        }

        return new SandboxSnapshot(lines, await sandbox.AllCalls());
    }

    /// <summary>Calls that match, by their HTTP status (null: not answered, the worker gave up) and fault (null: none).</summary>
    public int Count(Func<int?, string?, bool> match) =>
        Calls.Count(c => match(Status(c), c.GetProperty("fault") is { ValueKind: JsonValueKind.String } fault ? fault.GetString() : null));

    /// <summary>
    /// Applied: answered 2xx, or hit by an apply-then-fail fault after the change was kept (the answer is then a 5xx, or none for a
    /// hang; a refused change answers 4xx before the fault).
    /// </summary>
    public static bool IsApplied(JsonElement call)
    {
        var status = Status(call);
        if (status is >= 200 and < 300)
        {
            return true;
        }

        var fault = call.GetProperty("fault");
        return fault.ValueKind == JsonValueKind.String
            && fault.GetString()!.Contains("apply-then", StringComparison.Ordinal)
            && status is null or 429 or >= 500;
    }

    private static bool IsUnanswered(JsonElement call) =>
        Status(call) is null && !(call.GetProperty("fault") is { ValueKind: JsonValueKind.String } fault && fault.GetString()!.Contains("hang", StringComparison.Ordinal));

    private static int? Status(JsonElement call) =>
        call.GetProperty("statusCode") is { ValueKind: JsonValueKind.Number } status ? status.GetInt32() : null;

    private static IEnumerable<AppliedCall> Instructions(JsonElement call)
    {
        var operation = call.GetProperty("operation").GetString();
        if (operation is not ("shipping" or "cancel") || call.GetProperty("requestBody").ValueKind != JsonValueKind.String)
        {
            yield break;
        }

        using var body = JsonDocument.Parse(call.GetProperty("requestBody").GetString()!);
        var root = operation == "shipping" ? body.RootElement.GetProperty("orderShipment") : body.RootElement.GetProperty("orderCancellation");
        if (root.TryGetProperty("processMode", out var mode) && mode.GetString() == "PARTIAL_UPDATE")
        {
            yield break;
        }

        var purchaseOrderId = call.GetProperty("purchaseOrderId").GetString()!;
        var sequence = call.GetProperty("sequence").GetInt64();
        foreach (var line in root.GetProperty("orderLines").GetProperty("orderLine").EnumerateArray())
        {
            foreach (var status in line.GetProperty("orderLineStatuses").GetProperty("orderLineStatus").EnumerateArray())
            {
                yield return new AppliedCall(
                    purchaseOrderId,
                    operation,
                    line.GetProperty("lineNumber").GetString()!,
                    int.Parse(status.GetProperty("statusQuantity").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture),
                    sequence);
            }
        }
    }
}

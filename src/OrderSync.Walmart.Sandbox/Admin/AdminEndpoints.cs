using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OrderSync.Walmart.Sandbox.Gateway;
using OrderSync.Walmart.Sandbox.Orders;
using OrderSync.Walmart.Sandbox.Seeding;

namespace OrderSync.Walmart.Sandbox.Admin;

/// <summary>
/// Test controls: seed and read orders, mark lines the customer asked to cancel, read the call log, inject faults, limit
/// sellers' calls, revoke tokens, reset. Guarded by <see cref="AdminAccess"/>.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithMetadata(AdminEndpointMarker.Instance);

        admin.MapPost("/orders", SeedOrdersAsync);
        admin.MapGet("/orders/{purchaseOrderId}", (string purchaseOrderId, SandboxOrderBook orders) =>
            orders.Find(purchaseOrderId) is { } order
                ? Results.Json(Describe(order))
                : Results.NotFound(new { error = $"Purchase order {purchaseOrderId} is not in the sandbox." }));
        admin.MapPost("/orders/generate", GenerateOrders);
        admin.MapPost("/orders/{purchaseOrderId}/lines/{lineNumber}/intent-to-cancel", MarkIntentToCancel);
        admin.MapPost("/orders/{purchaseOrderId}/lines/{lineNumber}/cancel", (string purchaseOrderId, string lineNumber, SellerCenterChange change, SandboxOrderBook orders, TimeProvider clock) =>
            ChangeLine(orders, purchaseOrderId, lineNumber, line => SellerCenter.Cancel(line, change, clock.GetUtcNow())));
        admin.MapPost("/orders/{purchaseOrderId}/lines/{lineNumber}/ship", (string purchaseOrderId, string lineNumber, SellerCenterChange change, SandboxOrderBook orders, TimeProvider clock) =>
            ChangeLine(orders, purchaseOrderId, lineNumber, line => SellerCenter.Ship(line, change, clock.GetUtcNow())));
        admin.MapPut("/orders/{purchaseOrderId}/lines/{lineNumber}/tracking", (string purchaseOrderId, string lineNumber, SellerCenterChange change, SandboxOrderBook orders, TimeProvider clock) =>
            ChangeLine(orders, purchaseOrderId, lineNumber, line => SellerCenter.ChangeTracking(line, change, clock.GetUtcNow())));

        admin.MapGet("/calls", (SandboxCallLog calls, [FromQuery] string? purchaseOrderId) =>
            Results.Json(calls.List().Where(call => purchaseOrderId is null || call.PurchaseOrderId == purchaseOrderId)));
        admin.MapDelete("/calls", (SandboxCallLog calls) =>
        {
            calls.Clear();
            return Results.NoContent();
        });

        admin.MapGet("/faults", (SandboxFaults faults) => Results.Json(faults.List().Select(Describe)));
        admin.MapPost("/faults", AddFault);
        admin.MapDelete("/faults", (SandboxFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        admin.MapDelete("/faults/{id:guid}", (Guid id, SandboxFaults faults) =>
            faults.Remove(id) ? Results.NoContent() : Results.NotFound());

        admin.MapDelete("/tokens", (SandboxTokenIssuer tokens) =>
        {
            tokens.Clear();
            return Results.NoContent();
        });

        admin.MapGet("/throttle", (SandboxThrottle throttle, IOptions<SandboxOptions> options) =>
            Results.Json(new { enabled = options.Value.Throttle.Enabled, sellers = throttle.Limits().Select(Describe) }));
        admin.MapPut("/throttle/sellers/{seller}", SetSellerLimitAsync);
        admin.MapDelete("/throttle/sellers/{seller}", (string seller, SandboxThrottle throttle) =>
            throttle.RemoveLimit(seller) ? Results.NoContent() : Results.NotFound(new { error = $"Seller {seller} has no limit." }));

        admin.MapPost("/reset", Reset);
    }

    private static async Task<IResult> SeedOrdersAsync(HttpContext http, SeedOrderConverter converter, SandboxOrderBook orders)
    {
        List<SeedOrder> seeds;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            seeds = body is JsonObject document && document.ContainsKey("orders")
                ? [.. document.Deserialize<SeedDocument>(SandboxSeeder.SeedJson)?.Orders ?? []]
                : [body.Deserialize<SeedOrder>(SandboxSeeder.SeedJson)!];
        }
        catch (JsonException exception)
        {
            return Results.BadRequest(new { errors = (string[])[$"The body is not seed JSON: {exception.Message}"] });
        }

        var (converted, errors) = converter.Convert(seeds);
        if (errors.Count > 0)
        {
            return Results.BadRequest(new { errors });
        }

        orders.Put(converted);
        return Results.Json(new { purchaseOrderIds = converted.Select(order => order.PurchaseOrderId) }, statusCode: 201);
    }

    private static IResult GenerateOrders(
        [FromQuery] int? count, [FromQuery] string? sellers, [FromQuery] int? seed,
        IOptions<SandboxOptions> options, SeedOrderConverter converter, SandboxOrderBook orders)
    {
        var sellerNames = string.IsNullOrWhiteSpace(sellers)
            ? options.Value.Sellers.Keys.ToList()
            : sellers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (count is null or < 1 or > 100_000 || sellerNames.Count == 0)
        {
            return Results.BadRequest(new { errors = (string[])["count must be 1 to 100000, and at least one seller must be configured or named"] });
        }

        var generated = SandboxOrderGenerator.Generate(count.Value, sellerNames, seed ?? Random.Shared.Next(), orders.Contains);
        var (converted, errors) = converter.Convert(generated);
        if (errors.Count > 0)
        {
            return Results.BadRequest(new { errors = errors.Distinct().Take(10) });
        }

        orders.Put(converted);
        return Results.Json(new SeedDocument(generated), SandboxSeeder.SeedJson, statusCode: 201);
    }

    /// <summary>The customer asks to cancel the line after ordering, as on Walmart: the line is marked, and ships only with the override.</summary>
    private static IResult MarkIntentToCancel(string purchaseOrderId, string lineNumber, SandboxOrderBook orders)
    {
        var seller = orders.Find(purchaseOrderId)?.Seller;
        var marked = seller is null ? null : orders.Change(purchaseOrderId, seller, order =>
        {
            if (order.FindLine(lineNumber) is not { } line)
            {
                return [SandboxError.InvalidContent("lineNumber", $"Order line {lineNumber} does not exist on purchase order {purchaseOrderId}.")];
            }

            line.IntentToCancel = true;
            return [];
        });
        return marked?.Order is { } order
            ? Results.Json(Describe(order))
            : Results.NotFound(new { error = marked is { Errors: [var unknownLine, ..] } ? unknownLine.Description : $"Purchase order {purchaseOrderId} is not in the sandbox." });
    }

    /// <summary>Applies a change to one line of the order, on Walmart's side; a refused change changes nothing.</summary>
    private static IResult ChangeLine(SandboxOrderBook orders, string purchaseOrderId, string lineNumber, Func<SandboxOrderLine, string?> change)
    {
        var seller = orders.Find(purchaseOrderId)?.Seller;
        if (seller is null)
        {
            return Results.NotFound(new { error = $"Purchase order {purchaseOrderId} is not in the sandbox." });
        }

        var changed = orders.Change(purchaseOrderId, seller, order => order.FindLine(lineNumber) is { } line
            ? change(line) is { } refusal ? [SandboxError.InvalidContent("change", refusal)] : []
            : [SandboxError.InvalidContent("lineNumber", $"Order line {lineNumber} does not exist on purchase order {purchaseOrderId}.")]);
        return changed.Order is { } order
            ? Results.Json(Describe(order))
            : Results.BadRequest(new { errors = changed.Errors.Select(error => error.Description) });
    }

    private static IResult AddFault(FaultRuleRequest request, SandboxFaults faults)
    {
        var problems = new List<string>();
        if (!FaultPlan.TryParse(request.Fault, out var plan))
        {
            problems.Add($"fault '{request.Fault}' is not understood; use 503 (any 5xx), 429, hang, apply-then-503, apply-then-hang or latency=200");
        }

        if (!SandboxFaults.TryParseOperation(request.Operation, out var operation))
        {
            problems.Add($"operation '{request.Operation}' is not one of get, shipping, cancel, acknowledge, token");
        }

        if (request.Rate is < 0 or > 1 || request.Times is < 1 || request.LatencyMs is < 0)
        {
            problems.Add("rate must be within 0..1, times at least 1, latencyMs not negative");
        }

        plan = plan with { LatencyMs = plan.LatencyMs + (request.LatencyMs ?? 0) };
        if (problems.Count == 0 && plan == FaultPlan.None)
        {
            problems.Add("give a fault, a latencyMs, or both");
        }

        if (problems.Count > 0)
        {
            return Results.BadRequest(new { errors = problems });
        }

        var rule = faults.Add(request.PurchaseOrderId, operation, plan, request.Rate ?? 1, request.Times);
        return Results.Json(Describe(rule), statusCode: 201);
    }

    /// <summary>Sets or changes a seller's limit; the seller is named as in Sandbox:Sellers, the name its token was issued to.</summary>
    private static async Task<IResult> SetSellerLimitAsync(string seller, HttpContext http, SandboxThrottle throttle, IOptions<SandboxOptions> options)
    {
        SellerLimitRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<SellerLimitRequest>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted);
        }
        catch (JsonException exception)
        {
            return Results.BadRequest(new { errors = (string[])[$"The body is not a seller limit {{callsPerSecond, capacity, scope}}: {exception.Message}"] });
        }

        var problems = new List<string>();
        var name = options.Value.Sellers.Keys.FirstOrDefault(known => string.Equals(known, seller, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            problems.Add($"seller '{seller}' is not one of Sandbox:Sellers ({string.Join(", ", options.Value.Sellers.Keys)}); name it as there, not by its client id");
        }

        if (request?.CallsPerSecond is not (>= SellerLimit.MinCallsPerSecond and <= SellerLimit.MaxCallsPerSecond))
        {
            problems.Add($"callsPerSecond must be a positive number of calls a second, fractions allowed, from {SellerLimit.MinCallsPerSecond:0.#######} (one a day) to {SellerLimit.MaxCallsPerSecond:0}");
        }

        if (request?.Capacity is < 1)
        {
            problems.Add("capacity must be at least 1");
        }

        var scope = request?.Scope?.Trim().ToLowerInvariant() switch
        {
            null or "seller" => ThrottleScope.Seller,
            "endpoint" => ThrottleScope.Endpoint,
            _ => (ThrottleScope?)null,
        };
        if (scope is null)
        {
            problems.Add($"scope '{request?.Scope}' is not seller (one bucket for every endpoint) or endpoint (one bucket each)");
        }

        if (problems.Count > 0)
        {
            return Results.BadRequest(new { errors = problems });
        }

        var callsPerSecond = request!.CallsPerSecond!.Value;
        var limit = new SellerLimit(name!, callsPerSecond, request.Capacity ?? Math.Max(1, (int)Math.Ceiling(callsPerSecond)), scope!.Value);
        throttle.SetLimit(limit);
        return Results.Json(Describe(limit));
    }

    private static IResult Reset(
        SandboxOrderBook orders, SandboxCallLog calls, SandboxFaults faults, SandboxThrottle throttle, SandboxTokenIssuer tokens, SandboxSeeder seeder)
    {
        orders.Clear();
        calls.Clear();
        faults.Clear();
        throttle.Clear();
        tokens.Clear();
        return Results.Json(new { seededOrders = seeder.LoadSeedFile() });
    }

    private static JsonObject Describe(SandboxOrder order) =>
        new() { ["seller"] = order.Seller, ["order"] = SandboxOrderRenderer.Render(order)["order"]!.DeepClone() };

    private static object Describe(SellerLimit limit) => new
    {
        seller = limit.Seller,
        callsPerSecond = limit.CallsPerSecond,
        capacity = limit.Capacity,
        scope = limit.Scope == ThrottleScope.Seller ? "seller" : "endpoint",
    };

    private static object Describe(FaultRule rule) => new
    {
        id = rule.Id,
        purchaseOrderId = rule.PurchaseOrderId,
        operation = rule.Operation is { } operation ? SandboxFaults.NameOf(operation) : null,
        fault = rule.Plan.ToString(),
        rate = rule.Rate,
        remainingTimes = rule.RemainingTimes,
    };
}

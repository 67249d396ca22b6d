using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderSync.Contracts.Events;
using OrderSync.Contracts.Results;
using OrderSync.Domain.State;
using OrderSync.Operations.DeadLetters;
using OrderSync.Persistence;
using OrderSync.Persistence.Orders;
using OrderSync.Worker.Inbound;
using static OrderSync.Worker.OperatorPage.Html;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace OrderSync.Worker.OperatorPage;

/// <summary>
/// The on-call page, server-rendered on the health address: orders by status with filters and paging, one order's
/// timeline, dead letters grouped by reason. Read-only unless OperatorPage:ActionsEnabled, and then a resync, a requeue or a
/// purge needs the token.
/// </summary>
public static class OperatorPageEndpoints
{
    private static IReadOnlyList<string> Statuses => OrderStatuses.Listed;

    public static WebApplicationBuilder AddOperatorPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperatorPageOptions>().Bind(builder.Configuration.GetSection(OperatorPageOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OperatorPageOptions>, OperatorPageOptionsValidator>();
        builder.Services.AddSingleton<DeadLetterBrowser>();
        return builder;
    }

    public static WebApplication MapOperatorPage(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<OperatorPageOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var token = options.ActionsEnabled ? options.ActionToken() : null;
        app.MapGet("/operator", (HttpRequest request, NpgsqlDataSource database, CancellationToken cancellationToken) =>
            Orders(request, database, options, cancellationToken));
        app.MapGet("/operator/orders/{store}/{purchaseOrderId}", (string store, string purchaseOrderId, NpgsqlDataSource database, CancellationToken cancellationToken) =>
            Order(store, purchaseOrderId, database, options, cancellationToken));
        app.MapGet("/operator/dead-letters", (DeadLetterBrowser browser, CancellationToken cancellationToken) => DeadLetters(browser, options, cancellationToken));
        app.MapPost("/operator/dead-letters/requeue", (HttpRequest request, DeadLetterBrowser browser, CancellationToken cancellationToken) =>
            DeadLetterAction(request, token, browser.Requeue, "requeued", StatusCodes.Status202Accepted, cancellationToken));
        app.MapPost("/operator/dead-letters/purge", (HttpRequest request, DeadLetterBrowser browser, CancellationToken cancellationToken) =>
            DeadLetterAction(request, token, browser.Purge, "purged (archived in dead_letter_archive)", StatusCodes.Status200OK, cancellationToken));
        app.MapPost("/operator/orders/{store}/{purchaseOrderId}/resync", (string store, string purchaseOrderId, HttpRequest request, NpgsqlDataSource database, IBus bus, CancellationToken cancellationToken) =>
            Resync(store, purchaseOrderId, request, token, database, bus, cancellationToken));
        return app;
    }

    private static async Task<IResult> Orders(HttpRequest request, NpgsqlDataSource database, OperatorPageOptions options, CancellationToken cancellationToken)
    {
        var status = Statuses.FirstOrDefault(name => string.Equals(name, request.Query["status"], StringComparison.OrdinalIgnoreCase));
        var store = string.IsNullOrWhiteSpace(request.Query["store"]) ? null : request.Query["store"].ToString().Trim().ToLowerInvariant();
        var page = int.TryParse(request.Query["page"], out var number) && number > 1 ? number : 1;
        var list = new OrderList(database);
        var orders = await list.Read(new OrderListFilter(status, store, null, options.PageSize + 1, (page - 1) * options.PageSize), cancellationToken);
        var counts = await list.Counts(store, null, cancellationToken);

        var body = new StringBuilder();
        body.Append("<p class=\"counts\" id=\"counts\">");
        body.Append($"<a href=\"/operator?{Query(("store", store))}\">All {counts.Values.Sum()}</a>");
        foreach (var name in Statuses)
        {
            body.Append($"<a href=\"/operator?{Query(("status", name), ("store", store))}\" class=\"status-{E(name.Replace(' ', '-'))}\">{E(name)} {counts.GetValueOrDefault(name)}</a>");
        }

        body.Append("</p>");
        body.Append("<form class=\"filters\" method=\"get\" action=\"/operator\"><label>Status <select name=\"status\"><option value=\"\">any</option>");
        foreach (var name in Statuses)
        {
            body.Append($"<option{(name == status ? " selected" : string.Empty)}>{E(name)}</option>");
        }

        body.Append($"</select></label> <label>Store <input name=\"store\" value=\"{E(store)}\"></label> <button type=\"submit\">Filter</button></form>");
        body.Append(Table(
            ["purchase order", "store", "order", "status", "updated", "last error"],
            orders.Take(options.PageSize).Select(order => new[]
            {
                $"<a href=\"/operator/orders/{Uri.EscapeDataString(order.StoreCode)}/{Uri.EscapeDataString(order.PurchaseOrderId)}\">{E(order.PurchaseOrderId)}</a>",
                E(order.StoreCode),
                E(order.OrderIncrementId),
                $"<span class=\"status-{E(order.Status.Replace(' ', '-'))}\">{E(order.Status)}</span>",
                E(order.UpdatedAt),
                E(order.LastError),
            }),
            "orders"));
        if (page > 1)
        {
            body.Append($"<a id=\"previous\" href=\"/operator?{Query(("status", status), ("store", store), ("page", (page - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))}\">Previous</a> ");
        }

        if (orders.Count > options.PageSize)
        {
            body.Append($"<a id=\"next\" href=\"/operator?{Query(("status", status), ("store", store), ("page", (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))}\">Next</a>");
        }

        return HttpResults.Content(Page(status is null ? "Orders" : $"Orders in {status}", body.ToString()), "text/html; charset=utf-8");
    }

    private static async Task<IResult> Order(string store, string purchaseOrderId, NpgsqlDataSource database, OperatorPageOptions options, CancellationToken cancellationToken)
    {
        var rows = await new OrderSyncSagaReader(database).Find(purchaseOrderId, store, cancellationToken);
        var row = rows.Count == 0 ? null : rows[0];
        if (row is null)
        {
            return HttpResults.Content(Page("No such order", $"<p>No order {E(purchaseOrderId)} in store {E(store)}.</p>"), "text/html; charset=utf-8", statusCode: 404);
        }

        var state = OrderSyncState.FromJson(row.Data);
        var history = new OrderHistory(database);
        var timeline = OrderTimeline.Of(
            state,
            await history.Events(row.CorrelationId, cancellationToken),
            [.. (await new WalmartCallLog(database).ForOrder(purchaseOrderId, cancellationToken)).Where(call => call.StoreCode == store)],
            await history.Operations(row.CorrelationId, cancellationToken));

        var body = new StringBuilder();
        body.Append(Table([],
        [
            ["store", E(store)],
            ["order", E(state.OrderIncrementId)],
            ["status", $"<span id=\"status\" class=\"status-{E(state.SyncStatus.Replace(' ', '-'))}\">{E(state.SyncStatus)}</span>"],
            ["last error", E(state.LastError)],
            ["updated", E(row.UpdatedAt)],
        ], "order"));
        if (options.ActionsEnabled && state.SyncStatus == OrderStatuses.Error)
        {
            body.Append($$"""
                <form id="resync-form" class="notice">
                  <label>Token <input type="password" id="token" autocomplete="off"></label>
                  <button type="submit" id="resync">Resync</button>
                  <span id="action-result"></span>
                </form>
                <script>
                  document.getElementById('resync-form').addEventListener('submit', async event => {
                    event.preventDefault();
                    const answer = await fetch(location.pathname + '/resync', {
                      method: 'POST', headers: { Authorization: 'Bearer ' + document.getElementById('token').value } });
                    document.getElementById('action-result').textContent = answer.ok ? 'Resync requested.' : 'Refused: ' + answer.status + ' ' + await answer.text();
                  });
                </script>
                """);
        }

        body.Append("<h2>Timeline</h2>");
        body.Append(Table(["time", "what", "detail"], timeline.Select(entry => new[] { E(entry.At), E(entry.What), E(entry.Detail) }), "timeline"));
        return HttpResults.Content(Page($"Order {purchaseOrderId}", body.ToString()), "text/html; charset=utf-8");
    }

    private static async Task<IResult> DeadLetters(DeadLetterBrowser browser, OperatorPageOptions options, CancellationToken cancellationToken)
    {
        var groups = await browser.Groups(cancellationToken);
        var actions = options.ActionsEnabled && groups.Count > 0;
        string[] columns = ["queue", "reason", "messages", "first", "last", "orders"];
        var body = new StringBuilder();
        if (actions)
        {
            body.Append("<p class=\"notice\"><label>Token <input type=\"password\" id=\"token\" autocomplete=\"off\"></label> <span id=\"action-result\"></span></p>");
        }

        body.Append(groups.Count == 0
            ? "<p id=\"no-dead-letters\">No dead letters.</p>"
            : Table(
                actions ? [.. columns, "action"] : columns,
                groups.Select(group =>
                {
                    string[] cells =
                    [
                        E(group.Queue), E(group.Reason), E(group.Messages), E(Time(group.FirstFaultedAt)), E(Time(group.LastFaultedAt)),
                        string.Join(", ", group.PurchaseOrders.Select(E)),
                    ];
                    var data = $"data-queue=\"{E(group.Queue)}\" data-reason=\"{E(group.Reason)}\" data-messages=\"{E(group.Messages)}\"";
                    return actions
                        ? [.. cells, $"<button type=\"button\" class=\"requeue\" {data}>Requeue</button> <button type=\"button\" class=\"purge\" {data}>Purge</button>"]
                        : cells;
                }),
                "dead-letters"));
        if (actions)
        {
            body.Append("""
                <script>
                  for (const button of document.querySelectorAll('#dead-letters button')) {
                    button.addEventListener('click', async () => {
                      const action = button.className;
                      if (action === 'purge' && !confirm('Purge ' + button.dataset.messages + ' dead letters of ' + button.dataset.queue + '? Each is archived, then deleted.')) {
                        return;
                      }
                      const answer = await fetch('/operator/dead-letters/' + action, {
                        method: 'POST',
                        headers: { Authorization: 'Bearer ' + document.getElementById('token').value },
                        body: new URLSearchParams({ queue: button.dataset.queue, reason: button.dataset.reason }) });
                      document.getElementById('action-result').textContent = (answer.ok ? '' : 'Refused: ' + answer.status + ' ') + await answer.text();
                    });
                  }
                </script>
                """);
        }
        else
        {
            body.Append("<p>Requeue or purge them with <code>ordersync dead-letters</code>, or here when the page's actions are enabled.</p>");
        }

        return HttpResults.Content(Page("Dead letters by reason", body.ToString()), "text/html; charset=utf-8");
    }

    private static async Task<IResult> DeadLetterAction(
        HttpRequest request,
        string? token,
        Func<string, string, CancellationToken, Task<DeadLetterGroupOutcome?>> act,
        string done,
        int doneStatus,
        CancellationToken cancellationToken)
    {
        if (token is null)
        {
            return HttpResults.NotFound();
        }

        if (!BearerToken.Carries(request, token))
        {
            return HttpResults.Text("a bearer token is needed", statusCode: StatusCodes.Status401Unauthorized);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var queue = form?["queue"].ToString();
        var reason = form?["reason"].ToString();
        if (string.IsNullOrEmpty(queue) || reason is null)
        {
            return HttpResults.Text("name the group: queue and reason", statusCode: StatusCodes.Status400BadRequest);
        }

        DeadLetterGroupOutcome? outcome;
        try
        {
            outcome = await act(queue, reason, cancellationToken);
        }
        catch (Exception exception) when (exception is DeadLetterNotRequeuedException or DeadLetterInBothQueuesException or DeadLettersPartlyPurgedException)
        {
            return HttpResults.Text($"{exception.Message}: {exception.InnerException?.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (outcome is null)
        {
            return HttpResults.Text($"{queue} is not one of the worker's dead-letter queues", statusCode: StatusCodes.Status404NotFound);
        }

        var left = outcome.Left == 0 ? string.Empty : $"; {outcome.Left} stay, since they cannot go back to a worker queue";
        return HttpResults.Text($"{outcome.Done} dead letter{(outcome.Done == 1 ? string.Empty : "s")} {done}{left}", statusCode: doneStatus);
    }

    private static async Task<IResult> Resync(
        string store, string purchaseOrderId, HttpRequest request, string? token, NpgsqlDataSource database, IBus bus, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            return HttpResults.NotFound();
        }

        if (!BearerToken.Carries(request, token))
        {
            return HttpResults.Text("a bearer token is needed", statusCode: StatusCodes.Status401Unauthorized);
        }

        var rows = await new OrderSyncSagaReader(database).Find(purchaseOrderId, store, cancellationToken);
        var row = rows.Count == 0 ? null : rows[0];
        if (row is null)
        {
            return HttpResults.Text($"no order {purchaseOrderId} in store {store}", statusCode: StatusCodes.Status404NotFound);
        }

        var status = OrderSyncState.FromJson(row.Data).SyncStatus;
        if (status != OrderStatuses.Error)
        {
            return HttpResults.Text($"order {purchaseOrderId} is {status}, not in Error", statusCode: StatusCodes.Status409Conflict);
        }

        await bus.Publish(new ResyncRequested
        {
            CorrelationId = OrderCorrelation.For(store, purchaseOrderId),
            PurchaseOrderId = purchaseOrderId,
            StoreCode = store,
            RequestedBy = "operator page",
        }, cancellationToken);
        return HttpResults.Text("resync requested", statusCode: StatusCodes.Status202Accepted);
    }
}

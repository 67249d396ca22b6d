using System.Net;
using Dapper;
using Npgsql;
using OpenQA.Selenium;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Operator;

/// <summary>The dead-letters view's Requeue and Purge buttons, in a real headless Chromium against the real worker.</summary>
public sealed class DeadLetterActionsPageTests
{
    private const string Token = "operator-page-test-token-1234";

    [Fact]
    public async Task With_the_token_a_group_is_requeued_and_processed_and_another_purged_and_without_it_nothing_changes()
    {
        await using var stack = await SyncStack.Start(new Dictionary<string, string?>
        {
            ["OperatorPage:ActionsEnabled"] = "true",
            ["OperatorPage:Token"] = Token,
        });
        var requeued = await OperatorStack.FailOnAnUnknownOrder(stack);
        var purged = await OperatorStack.FailOnAnUnknownOrder(stack);
        await Eventually.True(async () => await stack.Broker.Depth(OperatorStack.OperationsErrorQueue) == 2, "both dead letters", TimeSpan.FromSeconds(30));
        await using var database = NpgsqlDataSource.Create(stack.Environment.Postgres);
        var page = stack.Worker!.HttpAddress;
        using var browser = HeadlessChromium.Start();

        browser.Open(new Uri(page, "operator/dead-letters"));
        (await browser.WaitForText(By.Id("dead-letters"), requeued)).ShouldContain(purged);
        browser.Screenshot("operator-dead-letters");

        using (var http = new HttpClient { BaseAddress = page })
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["queue"] = OperatorStack.OperationsErrorQueue, ["reason"] = "any" });
            (await http.PostAsync("operator/dead-letters/purge", form)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var foreign = new HttpRequestMessage(HttpMethod.Post, "operator/dead-letters/purge")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["queue"] = "another-app_error", ["reason"] = "any" }),
            };
            foreign.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
            var refused = await http.SendAsync(foreign);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await refused.Content.ReadAsStringAsync()).ShouldBe("another-app_error is not one of the worker's dead-letter queues");
        }

        Button(browser, requeued, "requeue").Click();
        await browser.WaitForText(By.Id("action-result"), "Refused: 401");
        Button(browser, purged, "purge").Click();
        browser.Driver.SwitchTo().Alert().Accept();
        await browser.WaitForText(By.Id("action-result"), "Refused: 401");
        (await stack.Broker.Depth(OperatorStack.OperationsErrorQueue)).ShouldBe(2u);
        (await Count(database, "dead_letter_requeue")).ShouldBe(0);
        (await Count(database, "dead_letter_archive")).ShouldBe(0);

        await stack.Sandbox.SeedOrderAs(requeued, "walmart_us", "MUG");
        browser.Driver.FindElement(By.Id("token")).SendKeys(Token);
        Button(browser, requeued, "requeue").Click();
        await browser.WaitForText(By.Id("action-result"), "1 dead letter requeued");
        var synced = await stack.Results.WaitFor("walmart.order.shipment.synced", requeued, TimeSpan.FromSeconds(60));
        synced.Data.GetProperty("orderStatus").GetString().ShouldBe("Shipped");
        await Eventually.True(
            async () =>
            {
                await using var connection = await database.OpenConnectionAsync();
                return await connection.ExecuteScalarAsync<bool>("select resolved_at is not null from dead_letter_requeue where purchase_order_id = @requeued", new { requeued });
            },
            "the worker marks the requeue resolved");

        Button(browser, purged, "purge").Click();
        browser.Driver.SwitchTo().Alert().Accept();
        await browser.WaitForText(By.Id("action-result"), "1 dead letter purged");
        await using (var connection = await database.OpenConnectionAsync())
        {
            var archived = await connection.QuerySingleAsync<(string Queue, string ArchivedBy, byte[] Body)>(
                "select queue, archived_by, body from dead_letter_archive");
            (archived.Queue, archived.ArchivedBy).ShouldBe((OperatorStack.OperationsErrorQueue, "operator page"));
            System.Text.Encoding.UTF8.GetString(archived.Body).ShouldContain(purged);
        }

        await Eventually.True(async () => await stack.Broker.Depth(OperatorStack.OperationsErrorQueue) == 0, "the purged dead letter gone from its queue", TimeSpan.FromSeconds(30));
        browser.Driver.Navigate().Refresh();
        await browser.WaitForText(By.Id("no-dead-letters"), "No dead letters.");
    }

    [Fact]
    public async Task The_dead_letter_actions_are_not_found_unless_actions_are_enabled()
    {
        await using var stack = await SyncStack.Start();
        await OperatorStack.FailOnAnUnknownOrder(stack);
        using var http = new HttpClient { BaseAddress = stack.Worker!.HttpAddress };

        (await http.GetStringAsync("operator/dead-letters")).ShouldNotContain("class=\"requeue\"");
        foreach (var action in new[] { "requeue", "purge" })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"operator/dead-letters/{action}")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["queue"] = OperatorStack.OperationsErrorQueue, ["reason"] = "any" }),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
            (await http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await stack.Broker.Depth(OperatorStack.OperationsErrorQueue)).ShouldBe(1u);
    }

    private static IWebElement Button(HeadlessChromium browser, string purchaseOrderId, string action) =>
        browser.Driver.FindElement(By.XPath($"//table[@id='dead-letters']//tr[contains(., '{purchaseOrderId}')]")).FindElement(By.CssSelector($"button.{action}"));

    private static async Task<long> Count(NpgsqlDataSource database, string table)
    {
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"select count(*) from {table}");
    }
}

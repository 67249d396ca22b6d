using System.Net;
using OrderSync.Walmart.Sandbox.Admin;

namespace OrderSync.UnitTests.Sandbox;

public sealed class AdminAccessTests
{
    private const string Token = "admin-token-1";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.20.30.40")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Loopback_needs_no_token_whether_one_is_configured_or_not(string address)
    {
        AdminAccess.Decide(IPAddress.Parse(address), null, null).ShouldBe(AdminAccessDecision.Allowed);
        AdminAccess.Decide(IPAddress.Parse(address), null, Token).ShouldBe(AdminAccessDecision.Allowed);
    }

    [Theory]
    [InlineData("192.0.2.2")]
    [InlineData("10.0.0.1")]
    [InlineData("172.17.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    public void Another_address_finds_no_admin_api_while_no_token_is_configured(string address)
    {
        AdminAccess.Decide(IPAddress.Parse(address), "Bearer anything", null).ShouldBe(AdminAccessDecision.Off);
        AdminAccess.Decide(IPAddress.Parse(address), "Bearer anything", " ").ShouldBe(AdminAccessDecision.Off);
    }

    [Fact]
    public void An_unknown_address_counts_as_another_host() =>
        AdminAccess.Decide(null, null, null).ShouldBe(AdminAccessDecision.Off);

    [Theory]
    [InlineData("Bearer admin-token-1", AdminAccessDecision.Allowed)]
    [InlineData("bearer admin-token-1", AdminAccessDecision.Allowed)]
    [InlineData(null, AdminAccessDecision.Unauthorized)]
    [InlineData("", AdminAccessDecision.Unauthorized)]
    [InlineData("Bearer", AdminAccessDecision.Unauthorized)]
    [InlineData("Bearer admin-token-2", AdminAccessDecision.Unauthorized)]
    [InlineData("Bearer admin-token-1x", AdminAccessDecision.Unauthorized)]
    [InlineData("Bearer admin-token-", AdminAccessDecision.Unauthorized)]
    [InlineData("Basic admin-token-1", AdminAccessDecision.Unauthorized)]
    [InlineData("admin-token-1", AdminAccessDecision.Unauthorized)]
    public void Another_address_needs_the_configured_token_as_a_bearer_token(string? authorization, AdminAccessDecision decision) =>
        AdminAccess.Decide(IPAddress.Parse("192.0.2.2"), authorization, Token).ShouldBe(decision);
}

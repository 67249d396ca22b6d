using Microsoft.AspNetCore.Http;
using OrderSync.Worker.OperatorPage;

namespace OrderSync.UnitTests.OperatorPage;

public sealed class OperatorPageAccessTests
{
    private const string Token = "a-token-of-twenty-chars";

    [Fact]
    public void The_page_is_read_only_by_default_and_needs_no_token()
    {
        var options = new OperatorPageOptions();

        options.ActionsEnabled.ShouldBeFalse();
        new OperatorPageOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short-token")]
    public void Actions_without_a_long_enough_token_stop_the_worker_naming_the_keys(string? token)
    {
        var result = new OperatorPageOptionsValidator().Validate(null, new OperatorPageOptions { ActionsEnabled = true, Token = token });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("OperatorPage__ActionsEnabled needs OperatorPage__Token or OperatorPage__TokenFile");
    }

    [Fact]
    public void The_token_can_come_from_a_secret_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Token + "\n");
            var options = new OperatorPageOptions { ActionsEnabled = true, TokenFile = file };

            new OperatorPageOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
            options.ActionToken().ShouldBe(Token);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_token_file_that_cannot_be_read_stops_the_worker()
    {
        var result = new OperatorPageOptionsValidator().Validate(null, new OperatorPageOptions { ActionsEnabled = true, TokenFile = "/nonexistent/operator-token" });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("OperatorPage__TokenFile cannot be read");
    }

    [Theory]
    [InlineData("Bearer " + Token, true)]
    [InlineData("bearer " + Token, true)]
    [InlineData("Bearer " + Token + "x", false)]
    [InlineData("Bearer ", false)]
    [InlineData("Basic " + Token, false)]
    [InlineData(Token, false)]
    [InlineData("", false)]
    public void Only_the_token_as_a_bearer_token_is_accepted(string authorization, bool accepted)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = authorization;

        BearerToken.Carries(context.Request, Token).ShouldBe(accepted);
    }

    [Fact]
    public void No_token_configured_accepts_nothing()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Bearer ";

        BearerToken.Carries(context.Request, null).ShouldBeFalse();
    }
}

using OrderSync.Cli.Infrastructure;

namespace OrderSync.UnitTests.Cli;

public sealed class SecretsTests
{
    [Fact]
    public void A_remembered_password_is_cut_out_of_a_line_as_given_and_escaped()
    {
        Secrets.RememberUserInfo("operator:s3cret%2Fpass-" + nameof(SecretsTests));

        Secrets.Redact($"refused amqp://operator:s3cret/pass-{nameof(SecretsTests)}@host and s3cret%2Fpass-{nameof(SecretsTests)}")
            .ShouldBe("refused amqp://operator:***@host and ***");
    }

    [Fact]
    public void A_password_too_short_to_cut_out_leaves_the_words_it_is_part_of_alone()
    {
        Secrets.Remember("app");

        Secrets.Redact("its MT-Fault-InputAddress names other-app.orders").ShouldBe("its MT-Fault-InputAddress names other-app.orders");
    }
}

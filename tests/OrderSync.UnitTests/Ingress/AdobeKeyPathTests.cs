using OrderSync.Ingress.Signatures;

namespace OrderSync.UnitTests.Ingress;

public sealed class AdobeKeyPathTests
{
    [Theory]
    [InlineData("/prod/keys/pub-key-3fa85f64-5717-4562-b3fc-2c963f66afa6.pem")]
    [InlineData("/stage/keys/pub-key_1.pem")]
    [InlineData("/k.pem")]
    public void Adobes_key_paths_are_plain_relative_paths(string path) => AdobeKeyPath.IsPlainRelativePath(path).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("prod/keys/pub-key.pem")]
    [InlineData("https://evil.example/pub-key.pem")]
    [InlineData("//evil.example/pub-key.pem")]
    [InlineData("/prod/../../etc/pub-key.pem")]
    [InlineData("/prod/./keys/pub-key.pem")]
    [InlineData("/prod/keys/pub-key.pem?host=evil.example")]
    [InlineData("/prod/keys/pub-key.pem#x")]
    [InlineData("/prod/keys/pub%2Fkey.pem")]
    [InlineData("/prod\\keys\\pub-key.pem")]
    [InlineData("/prod/keys/user@evil.example.pem ")]
    [InlineData("/prod/keys/pub-key.txt")]
    [InlineData("/prod//keys/pub-key.pem")]
    public void Anything_that_could_point_elsewhere_is_not(string? path) => AdobeKeyPath.IsPlainRelativePath(path).ShouldBeFalse();

    [Fact]
    public void A_key_is_fetched_from_the_configured_domain_and_cached_by_its_file_name()
    {
        AdobeKeyPath.On(new Uri("https://static.adobeioevents.com"), "/prod/keys/a.pem").ShouldBe(new Uri("https://static.adobeioevents.com/prod/keys/a.pem"));
        AdobeKeyPath.On(new Uri("http://127.0.0.1:5000/base/"), "/prod/keys/a.pem").ShouldBe(new Uri("http://127.0.0.1:5000/base/prod/keys/a.pem"));
        AdobeKeyPath.FileName("/prod/keys/a.pem").ShouldBe("a.pem");
    }
}

using Microsoft.Extensions.Options;

namespace OrderSync.Walmart;

/// <summary>Names the configuration key of every fault, so that a failed start says what to fix.</summary>
internal sealed class WalmartOptionsValidator : IValidateOptions<WalmartOptions>
{
    private const string Section = WalmartOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WalmartOptions options)
    {
        var failures = new List<string>();

        if (options.BaseUrl is null)
        {
            failures.Add($"{Section}:BaseUrl is missing");
        }
        else if (!options.BaseUrl.IsAbsoluteUri || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && options.BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:BaseUrl must be an absolute http(s) URL, such as https://marketplace.walmartapis.com");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            failures.Add($"{Section}:ServiceName is empty");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:RequestTimeout must be positive");
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero)
        {
            failures.Add($"{Section}:TokenRefreshMargin must not be negative");
        }

        if (options.Sellers.Count == 0)
        {
            failures.Add($"{Section}:Sellers is missing: add {Section}:Sellers:{{store_code}}:ClientId and ClientSecret for each Commerce store view");
        }

        foreach (var (storeCode, seller) in options.Sellers)
        {
            if (seller is null || string.IsNullOrWhiteSpace(seller.ClientId))
            {
                failures.Add($"{Section}:Sellers:{storeCode}:ClientId is missing");
            }

            if (seller is null || string.IsNullOrWhiteSpace(seller.ClientSecret))
            {
                failures.Add($"{Section}:Sellers:{storeCode}:ClientSecret is missing");
            }
        }

        foreach (var (carrier, walmartName) in options.Carriers)
        {
            if (string.IsNullOrWhiteSpace(walmartName))
            {
                failures.Add($"{Section}:Carriers:{carrier} is empty");
            }
        }

        ValidateRateLimit(failures, nameof(WalmartRateLimitOptions.GetOrder), options.RateLimits.GetOrder);
        ValidateRateLimit(failures, nameof(WalmartRateLimitOptions.Shipping), options.RateLimits.Shipping);
        ValidateRateLimit(failures, nameof(WalmartRateLimitOptions.Cancel), options.RateLimits.Cancel);
        ValidateRateLimit(failures, nameof(WalmartRateLimitOptions.Acknowledge), options.RateLimits.Acknowledge);
        if (options.RateLimits.MaxWait < TimeSpan.Zero)
        {
            failures.Add($"{Section}:RateLimits:MaxWait must not be negative");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateRateLimit(List<string> failures, string endpoint, WalmartEndpointRateLimit limit)
    {
        if (limit.PermitsPerMinute <= 0)
        {
            failures.Add($"{Section}:RateLimits:{endpoint}:PermitsPerMinute must be positive");
        }

        if (limit.Burst <= 0)
        {
            failures.Add($"{Section}:RateLimits:{endpoint}:Burst must be positive");
        }
    }
}

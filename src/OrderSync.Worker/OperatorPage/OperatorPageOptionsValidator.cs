using Microsoft.Extensions.Options;

namespace OrderSync.Worker.OperatorPage;

/// <summary>Actions are refused at start without a token long enough to resist guessing, and a token file that cannot be read.</summary>
public sealed class OperatorPageOptionsValidator : IValidateOptions<OperatorPageOptions>
{
    private const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, OperatorPageOptions options)
    {
        if (options.PageSize is < 1 or > 1000)
        {
            return ValidateOptionsResult.Fail("OperatorPage__PageSize must be from 1 to 1000");
        }

        if (!options.ActionsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        string? token;
        try
        {
            token = options.ActionToken();
        }
        catch (IOException exception)
        {
            return ValidateOptionsResult.Fail($"OperatorPage__TokenFile cannot be read: {exception.Message}");
        }
        catch (UnauthorizedAccessException exception)
        {
            return ValidateOptionsResult.Fail($"OperatorPage__TokenFile cannot be read: {exception.Message}");
        }

        return token is null || token.Length < MinimumTokenLength
            ? ValidateOptionsResult.Fail($"OperatorPage__ActionsEnabled needs OperatorPage__Token or OperatorPage__TokenFile, at least {MinimumTokenLength} characters")
            : ValidateOptionsResult.Success;
    }
}

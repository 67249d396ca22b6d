namespace OrderSync.Walmart;

/// <summary>A seller's last failed token request, remembered until a token is issued.</summary>
/// <param name="Answer">What a call gets instead of a token: Walmart's answer in a merchant's words.</param>
/// <param name="RetryAt">Before then readiness never asks Walmart again, nor does a call after a permanent refusal.</param>
internal sealed record TokenFailure(WalmartResponse<WalmartOrder> Answer, TokenProblem Problem, int FailuresInARow, DateTimeOffset RetryAt);

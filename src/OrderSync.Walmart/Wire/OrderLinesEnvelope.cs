namespace OrderSync.Walmart.Wire;

internal sealed record OrderLinesEnvelope<TLine>(IReadOnlyList<TLine>? OrderLine);

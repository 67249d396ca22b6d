using System.Linq.Expressions;
using MassTransit;

namespace OrderSync.Worker.SagaRepository;

/// <summary>
/// Recognises the queries MassTransit's tooling asks of a saga repository: <c>x =&gt; x.CorrelationId == id</c>, possibly
/// and-ed with conditions on the instance (the test harness adds <c>x.CurrentState == "..."</c>), which are checked in memory.
/// </summary>
internal static class CorrelationIdFilter
{
    public static bool TryGetCorrelationId<TSaga>(Expression<Func<TSaga, bool>> filter, out Guid correlationId)
        where TSaga : ISaga
    {
        correlationId = Guid.Empty;
        return TryFind(filter.Body, ref correlationId);
    }

    private static bool TryFind(Expression body, ref Guid correlationId)
    {
        if (body is BinaryExpression { NodeType: ExpressionType.AndAlso } both)
        {
            return TryFind(both.Left, ref correlationId) || TryFind(both.Right, ref correlationId);
        }

        if (body is not BinaryExpression { NodeType: ExpressionType.Equal } equal)
        {
            return false;
        }

        var (member, value) = equal.Left is MemberExpression left ? (left, equal.Right) : (equal.Right as MemberExpression, equal.Left);
        if (member?.Member.Name != nameof(ISaga.CorrelationId))
        {
            return false;
        }

        if (Expression.Lambda(value).Compile().DynamicInvoke() is not Guid id)
        {
            return false;
        }

        correlationId = id;
        return true;
    }
}

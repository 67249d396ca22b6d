using System.Linq.Expressions;
using MassTransit;

namespace OrderSync.Worker.Persistence;

/// <summary>Recognises the one query MassTransit's tooling asks of a saga repository: <c>x =&gt; x.CorrelationId == id</c>.</summary>
internal static class CorrelationIdFilter
{
    public static bool TryGetCorrelationId<TSaga>(Expression<Func<TSaga, bool>> filter, out Guid correlationId)
        where TSaga : ISaga
    {
        correlationId = Guid.Empty;
        if (filter.Body is not BinaryExpression { NodeType: ExpressionType.Equal } equal)
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

using Dapper;
using Npgsql;

namespace OrderSync.Persistence;

/// <summary>Where purged dead letters are kept (table dead_letter_archive), so a purge never loses a message.</summary>
public sealed class DeadLetterArchive(NpgsqlDataSource dataSource)
{
    /// <summary>Archives every entry in one transaction: all are kept, or none.</summary>
    public async Task Archive(IReadOnlyCollection<DeadLetterArchiveEntry> entries, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into dead_letter_archive (message_id, queue, reason, headers, body, content_type, archived_by)
            values (@MessageId, @Queue, @Reason, @HeadersJson::jsonb, @Body, @ContentType, @ArchivedBy)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, entries, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}

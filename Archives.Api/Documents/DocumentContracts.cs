namespace Archives.Api.Documents;

public sealed record DocumentAccepted(Guid Id, string Status);

public sealed record DocumentSummary(
    Guid Id, string FileName, string ContentType, long SizeBytes, string Status,
    DateTimeOffset CreatedAt);

/// <param name="Text">The recognised text; present only once the status is <c>done</c>.</param>
public sealed record DocumentDetails(
    Guid Id, string FileName, string ContentType, long SizeBytes, string Status,
    string? FailureReason, string? Text, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <param name="Snippet">
/// Passages around the matches, each match between «guillemets» (not HTML, so that a client
/// rendering it cannot be fed markup from a scanned page).
/// </param>
public sealed record SearchHit(Guid Id, string FileName, float Rank, string Snippet);

/// <summary>A new upload as it is stored, before Ocr.Worker has seen it.</summary>
public sealed record NewDocument(
    Guid Id, string OwnerSubject, string FileName, string ContentType, byte[] Content);

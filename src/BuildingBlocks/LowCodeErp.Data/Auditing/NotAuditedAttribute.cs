namespace LowCodeErp.Data.Auditing;

/// <summary>
/// Keeps an entity type (all its changes) or one property (e.g. a password hash) out of the audit log.
/// Infrastructure tables opt out through the model annotation <see cref="AuditModel.NotAuditedAnnotation"/> instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = true)]
public sealed class NotAuditedAttribute : Attribute;

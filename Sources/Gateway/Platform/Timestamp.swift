import Store

/// ISO-8601 UTC times with milliseconds, as every surface and repository writes them: the Store module's
/// formatter (pure arithmetic, no SQL), named here so code above the repositories needs no `import Store`.
typealias Timestamp = Store.Timestamp

"""Product model and tender specifications: YAML loading, pydantic models, formulas."""

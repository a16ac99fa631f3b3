"""The analyst's dashboard and REST API (`communique serve`): see app.create_app."""

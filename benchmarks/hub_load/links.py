"""The nbgitpuller link a teacher hands out: one click signs a student in, copies the pack and opens a lesson."""

from urllib.parse import urlencode

START_NOTEBOOK = "notebooks/00_start_here.ipynb"


def pulled_folder(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into, in the student's home: the last part of its URL."""
    return repo.rstrip("/").split("/")[-1]


def nbgitpuller_link(hub_url: str, repo: str, branch: str, notebook: str = START_NOTEBOOK) -> str:
    """A link to ``hub_url`` that pulls ``branch`` of ``repo`` and opens ``notebook`` (a path inside the repo) in JupyterLab."""
    query = urlencode({
        "repo": repo,
        "branch": branch,
        "urlpath": f"lab/tree/{pulled_folder(repo)}/{notebook}",
    })
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"

"""Evaluation runs in the background, one at a time on this machine (a province's audit
uses most of it), each with its progress messages for the page to poll."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from jixiao.errors import JixiaoError

log = logging.getLogger("jixiao.web")
Runner = Callable[[str, str, str, Callable[[str], None]], Any]  # (workspace, kind, user, say) → result


@dataclass
class Job:
    workspace: str
    kind: str  # "evaluate" (data and scores) | "report" (the whole evaluation with the report)
    user: str
    started: float = field(default_factory=time.time)
    messages: list[tuple[float, str]] = field(default_factory=list)
    state: str = "queued"  # queued | running | done | failed
    error: str = ""
    finished: float | None = None
    future: Future | None = None

    @property
    def active(self) -> bool:
        return self.state in ("queued", "running")

    def say(self, message: str) -> None:
        self.messages.append((time.time() - self.started, message))

    @property
    def fresh(self) -> bool:
        """Finished in the last two minutes: worth a line on the page."""
        return self.finished is not None and time.time() - self.finished < 120

    @property
    def recent(self) -> list[tuple[float, str]]:
        return self.messages[-8:]


class Jobs:
    def __init__(self, runner: Runner):
        self.runner = runner
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jixiao-run")
        self.lock = threading.Lock()
        self.jobs: dict[str, Job] = {}

    def get(self, workspace: str) -> Job | None:
        return self.jobs.get(workspace)

    def start(self, workspace: str, kind: str, user: str) -> Job:
        """Queue a run; one already queued or running for the workspace that covers it (the
        same kind, or a report run, which evaluates too) is returned instead."""
        with self.lock:
            current = self.jobs.get(workspace)
            if current is not None and current.active and kind in (current.kind, "evaluate"):
                return current
            job = Job(workspace, kind, user)
            job.say("已排队，等待前一个评价完成" if any(j.active for j in self.jobs.values()) else "开始")
            self.jobs[workspace] = job
            job.future = self.pool.submit(self._run, job)
            return job

    def _run(self, job: Job) -> Any:
        job.state = "running"
        try:
            result = self.runner(job.workspace, job.kind, job.user, job.say)
        except JixiaoError as exc:
            job.error, job.state = exc.render(), "failed"
            return None
        except Exception:  # a bug: logged with its traceback, the page says so plainly
            log.exception("run of %s failed", job.workspace)
            job.error, job.state = "程序内部错误，评价未完成。错误详情已写入服务日志，请联系技术支持。", "failed"
            return None
        finally:
            job.finished = time.time()
        job.say("完成")
        job.state = "done"
        return result

    def run_now(self, workspace: str, kind: str, user: str) -> Job:
        """Run and wait (the API's POST …/run)."""
        job = self.start(workspace, kind, user)
        assert job.future is not None
        job.future.result()
        return job

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)

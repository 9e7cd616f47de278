"""Many regions at once: every region workspace through the one pipeline (in parallel),
then the comparison between them and the cross-region check.

    from jixiao.batch import run_batch
    result = run_batch("全省2022")          # one workspace per region folder, or one
                                            # workspace whose tables carry 区县 / 行政区划代码

Flow: regions.py (find or split the regions) → worker.py (one region: evaluate, report,
its paid months) → cross_region.py (cross-region-duplicate) → compare.py (rankings, heat
map, outliers, year over year) → xlsx.py, document.py + charts.py (ROOT/out/comparison.*)."""

from jixiao.batch.run import BatchResult, run_batch

__all__ = ["BatchResult", "run_batch"]

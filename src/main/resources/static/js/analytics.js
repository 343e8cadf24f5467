// Draws the studio's analytics charts from the page's JSON endpoint (data-source); labels come from data-
// attributes so that they are translated with the page. The tables on the page hold the same figures for people
// who cannot see the charts, which are aria-hidden.
(function () {
    'use strict';
    var root = document.getElementById('analytics-charts');
    if (!root) {
        return;
    }
    var failed = function () {
        root.querySelector('.chart-error').hidden = false;
    };
    if (typeof Chart === 'undefined') {
        failed();
        return;
    }
    var animation = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : undefined;

    function options(wholeNumbers) {
        return {
            animation: animation,
            responsive: true,
            interaction: {mode: 'index', intersect: false},
            scales: {y: {beginAtZero: true, ticks: wholeNumbers ? {precision: 0} : {}}}
        };
    }

    function render(data) {
        new Chart(document.getElementById('chart-activity'), {
            type: 'line',
            data: {
                labels: data.days,
                datasets: [
                    {label: root.dataset.labelViews, data: data.views},
                    {label: root.dataset.labelUnlocks, data: data.unlocks},
                    {label: root.dataset.labelDownloads, data: data.downloads},
                    {label: root.dataset.labelStreams, data: data.streams}
                ]
            },
            options: options(true)
        });
        new Chart(document.getElementById('chart-watch'), {
            type: 'bar',
            data: {
                labels: data.days,
                datasets: [
                    {label: root.dataset.labelWatchMinutes, data: data.watchMinutes},
                    {label: root.dataset.labelPlays, data: data.plays, type: 'line'}
                ]
            },
            options: options(false)
        });
        var money = document.getElementById('chart-money');
        if (data.money.length === 0) {
            money.parentElement.hidden = true;
            return;
        }
        // One series per currency: amounts in different currencies are shown side by side, never added up.
        new Chart(money, {
            type: 'bar',
            data: {
                labels: data.days,
                datasets: data.money.map(function (series) {
                    return {label: root.dataset.labelNet + ' (' + series.currency + ')', data: series.net};
                })
            },
            options: options(false)
        });
    }

    fetch(root.dataset.source, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (response) {
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
            return response.json();
        })
        .then(render)
        .catch(failed);
})();

<?php
/* A must-use plugin of the tests' WordPress. A server started with
 * LEDE_WP_REST_OFF=1 in its environment turns the REST API off as the
 * plugins that do so in the wild do: no discovery link, and every route
 * refused. */
if (getenv('LEDE_WP_REST_OFF') === '1') {
    remove_action('template_redirect', 'rest_output_link_header', 11);
    remove_action('wp_head', 'rest_output_link_wp_head', 10);
    add_filter('rest_authentication_errors', function () {
        return new WP_Error('rest_disabled', 'The REST API has been turned off on this site.',
                            array('status' => 403));
    });
}

/* A server started with LEDE_WP_PLAIN_PERMALINKS=1 is the same site as it
 * looks without pretty permalinks: its REST API is found at
 * index.php?rest_route=/. */
if (getenv('LEDE_WP_PLAIN_PERMALINKS') === '1') {
    add_filter('pre_option_permalink_structure', function () {
        return '';
    });
}
